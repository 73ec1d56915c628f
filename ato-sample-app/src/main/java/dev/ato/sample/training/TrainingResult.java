package dev.ato.sample.training;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a finished run produced.
 *
 * @param validationAccuracy accuracy of the saved model on the validation part (Tribuo's evaluator)
 * @param history            the metrics of every epoch, in order
 * @param modelFile          the trained model in Tribuo's protobuf format ({@code Model.deserializeFromFile})
 * @param trainSize          images trained on
 * @param validationSize     images validated on
 * @param elapsed            wall time of splitting, training, evaluating and saving
 */
public record TrainingResult(double validationAccuracy, List<EpochMetrics> history, Path modelFile, int trainSize,
                             int validationSize, Duration elapsed) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
