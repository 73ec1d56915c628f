package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains a multinomial logistic regression (Tribuo's linear SGD classifier with log loss) on a stratified split
 * of the digits, reports every epoch to an {@link EpochListener}, and saves the model. Stateless and
 * thread-safe; each call is reproducible from its settings.
 */
public final class DigitsTrainer {

    /** Turns off Tribuo's own loss logging; progress goes through the listener. */
    private static final int NO_LOGGING = -1;

    /**
     * Trains once.
     *
     * @param data      the images to split and train on
     * @param settings  the run's hyperparameters, split fraction and seed
     * @param modelFile where to save the model (parent directories are created; an existing file is replaced)
     * @param listener  told about each epoch as it ends
     * @throws AtoConfigException if the model file cannot be written
     */
    public TrainingResult train(DigitsData data, TrainingSettings settings, Path modelFile, EpochListener listener) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        StratifiedSplit split = StratifiedSplit.of(data.examples(), settings.validationFraction(), settings.seed());
        MutableDataset<Label> train = dataset(split.train(), data.source() + " train part");
        MutableDataset<Label> validation = dataset(split.validation(), data.source() + " validation part");

        EpochEvaluator evaluator = new EpochEvaluator(train, split.validation());
        List<EpochMetrics> history = new ArrayList<>();
        int stepsPerEpoch = (train.size() + settings.minibatchSize() - 1) / settings.minibatchSize();
        EpochObservingOptimiser optimiser = new EpochObservingOptimiser(new GradientAdjustingOptimiser(
                settings.optimiser().create(settings.learningRate()), settings.l2(), settings.minibatchSize()),
                stepsPerEpoch,
                (parameters, epoch) -> {
                    EpochMetrics metrics = evaluator.evaluate(parameters, epoch, settings.epochs());
                    history.add(metrics);
                    listener.epochEnded(metrics);
                });
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, settings.epochs(), NO_LOGGING,
                settings.minibatchSize(), settings.seed());
        LinearSGDModel model = trainer.train(train);

        double accuracy = new LabelEvaluator().evaluate(model, validation).accuracy();
        save(model, modelFile);
        return new TrainingResult(accuracy, history, modelFile, train.size(), validation.size(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static MutableDataset<Label> dataset(List<Example<Label>> examples, String description) {
        LabelFactory labels = new LabelFactory();
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance(description, labels), labels);
    }

    private static void save(LinearSGDModel model, Path modelFile) {
        try {
            Path parent = modelFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            model.serializeToFile(modelFile);
        } catch (IOException e) {
            throw new AtoConfigException("cannot write the model file " + modelFile.toAbsolutePath() + ": " + e, e);
        }
    }
}
