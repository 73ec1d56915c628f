package dev.ato.sample.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The digits benchmark's objective (issue 19; not a test): the sample app's own training ({@link DigitsTrainer}) of
 * one configuration, epoch by epoch, reporting the validation error ({@code 1 - accuracy}) after every epoch to a
 * callback that may stop it. The split and Tribuo's shuffling use the app's default seed, so an objective is a
 * deterministic function of its parameters and epoch; training for fewer epochs gives a prefix of the longer run's
 * curve. Both sides of the benchmark evaluate it: Ato's harness in process ({@link DigitsSearchHarness}), Optuna
 * through {@link DigitsObjectiveServer}.
 */
final class DigitsObjective {

    /** The optimisers the benchmark chooses among. */
    static final List<String> OPTIMISERS = List.of("sgd", "momentum", "adam");

    /** Held so the level sticks: java.util.logging keeps loggers weakly. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private final DigitsData data = DigitsData.bundled();
    private final DigitsTrainer trainer = new DigitsTrainer();
    private final Path modelFile;

    /** One configuration: learning rate, optimiser, minibatch size and L2 term. */
    record Params(double learningRate, String optimiser, int minibatchSize, double l2) {
    }

    /** Told the validation error after each epoch; returns false to stop training there. */
    @FunctionalInterface
    interface Epochs {
        boolean next(int epoch, double error);
    }

    DigitsObjective() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        try {
            modelFile = Files.createTempDirectory("digits-objective").resolve("model.ser");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Trains {@code params} for up to {@code epochs} epochs; returns the epochs run. */
    int train(Params params, int epochs, Epochs callback) {
        TrainingSettings settings = new TrainingSettings(params.learningRate(), Optimiser.named(params.optimiser()),
                epochs, params.minibatchSize(), params.l2(), TrainingSettings.defaults().seed(),
                TrainingSettings.defaults().validationFraction());
        int[] ran = {0};
        try {
            trainer.train(data, settings, modelFile, metrics -> {
                ran[0] = metrics.epoch();
                double error = 1 - metrics.validationAccuracy();
                if (!callback.next(metrics.epoch(), error)) {
                    throw new Stop();
                }
            });
        } catch (Stop stop) {
            // the caller's pruner or budget stopped the run
        }
        return ran[0];
    }

    /** Ends Tribuo's training loop from inside its epoch callback. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super("stopped", null, false, false);
        }
    }
}
