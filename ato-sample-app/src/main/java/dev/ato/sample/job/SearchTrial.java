package dev.ato.sample.job;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.HyperBand;
import dev.ato.sample.config.DigitsJob;
import dev.ato.sample.training.DigitsData;
import dev.ato.sample.training.DigitsTrainer;
import dev.ato.sample.training.TrainingResult;
import dev.ato.sample.training.TrainingSettings;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * One worker's trial function: trains a trial config (the search records it as a tracker run with its metric) and
 * prints one progress line per trial. The model of a trial is written to a temporary file and deleted.
 */
final class SearchTrial implements ToDoubleFunction<ADict> {

    private final DigitsSearch search;
    private final PrintWriter out;
    private final Map<String, DigitsData> dataByFile = new ConcurrentHashMap<>();
    private final AtomicInteger trials = new AtomicInteger();

    SearchTrial(DigitsSearch search, PrintWriter out) {
        this.search = search;
        this.out = out;
    }

    /** Checks every grid point before the search is recorded, so bad input stops it before any trial. */
    void check(List<ADict> grid) {
        for (ADict point : grid) {
            DigitsJob job;
            try {
                job = search.trialJob(point.copy().put(HyperBand.NUM_HALVED, 0));
                job.settings();
            } catch (AtoConfigException e) {
                throw new AtoConfigException(e.getMessage() + " (in the search grid: train.search.*)", e);
            }
            data(job);
        }
    }

    @Override
    public double applyAsDouble(ADict config) {
        DigitsJob job = search.trialJob(config);
        TrainingSettings settings = job.settings();
        Path modelFile = temporaryModelFile();
        try {
            TrainingResult result = new DigitsTrainer().train(data(job), settings, modelFile, epoch -> { });
            out.printf(Locale.ROOT, "trial %3d  generation %d  lr %-6s %-8s minibatch %4d  epochs %2d  val_acc %.4f"
                            + "  %.2f s%n", trials.incrementAndGet(), config.getInt(HyperBand.NUM_HALVED),
                    settings.learningRate(), settings.optimiser().configName(), settings.minibatchSize(),
                    settings.epochs(), result.validationAccuracy(), result.elapsed().toMillis() / 1000.0);
            out.flush();
            return result.validationAccuracy();
        } catch (RuntimeException e) {
            out.printf("trial %3d failed: %s%n", trials.incrementAndGet(), e.getMessage());
            out.flush();
            throw e;
        } finally {
            deleteQuietly(modelFile);
        }
    }

    private DigitsData data(DigitsJob job) {
        return dataByFile.computeIfAbsent(String.valueOf(job.data().file()), file -> job.data().load());
    }

    private static Path temporaryModelFile() {
        try {
            return Files.createTempFile("digits-trial", ".tribuo");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary model file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the trial's result stands
        }
    }
}
