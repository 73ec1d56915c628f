package dev.ato.sample.job;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.AtoTrace;
import dev.ato.sample.config.DigitsJob;
import dev.ato.sample.training.DigitsData;
import dev.ato.sample.training.DigitsTrainer;
import dev.ato.sample.training.EpochListener;
import dev.ato.sample.training.TrainingResult;
import dev.ato.sample.training.TrainingSettings;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Map;

/**
 * One tracked training run: the job's config becomes a run in project {@code ato.project}, every epoch's loss and
 * validation accuracy become metrics ({@code loss}, {@code val_loss}, {@code val_acc} at step = epoch), the model
 * file an artifact (the tracker stores its size and SHA-256), and the job's code fingerprints (among them the
 * bytecode hash of {@link #train}, which Ato takes at start-up for its {@code @AtoTrace}), so
 * {@code runs similar <id> --trace digits.train} finds the runs that trained with the same code.
 */
@Component
public class TrackedTraining {

    /** The trace id of {@link #train}. */
    public static final String TRACE_ID = "digits.train";

    private final Tracker tracker;
    private final String project;

    TrackedTraining(Tracker tracker, AtoProperties properties) {
        this.tracker = tracker;
        this.project = properties.getProject();
    }

    /**
     * Trains {@code job} on {@code data} as one tracked run and tells {@code progress} about every epoch.
     *
     * @return the run's id and the training result
     */
    @AtoTrace(TRACE_ID)
    public TrackedRun train(DigitsJob job, DigitsData data, EpochListener progress) {
        TrainingSettings settings = job.settings();
        try (RunHandle run = tracker.start(project, job.config(), "train")) {
            // the starter's Tracker stores the @AtoTrace fingerprints with every run it starts
            try {
                Path modelFile = job.model().dir().resolve("digits-run" + run.id() + ".tribuo");
                EpochListener logToRun = epoch -> run.logMetrics(Map.of("loss", epoch.trainLoss(),
                        "val_loss", epoch.validationLoss(), "val_acc", epoch.validationAccuracy()), epoch.epoch());
                TrainingResult result = new DigitsTrainer().train(data, settings, modelFile,
                        logToRun.andThen(progress));
                run.logArtifact(modelFile.toString(), "model", Map.of("format", "tribuo-protobuf",
                        "val_acc", result.validationAccuracy()));
                return new TrackedRun(run.id(), result);
            } catch (RuntimeException e) {
                run.recordFailure(e);
                throw e;
            }
        }
    }

    /**
     * A finished tracked run.
     *
     * @param runId  the tracker's run id
     * @param result what the training produced
     */
    public record TrackedRun(long runId, TrainingResult result) {
    }
}
