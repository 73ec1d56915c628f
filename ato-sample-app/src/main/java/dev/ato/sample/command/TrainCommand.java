package dev.ato.sample.command;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sample.config.DigitsJob;
import dev.ato.sample.job.TrackedTraining;
import dev.ato.sample.training.DigitsData;
import dev.ato.sample.training.EpochProgressPrinter;
import dev.ato.sample.training.TrainingResult;
import dev.ato.sample.training.TrainingSettings;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code train [VIEW|KEY=VALUE …]}: trains once as a tracked run and prints every epoch and the result. */
@Component
class TrainCommand extends SampleCommand {

    private final AtoScopes scopes;
    private final TrackedTraining training;

    TrainCommand(AtoScopes scopes, TrackedTraining training) {
        super("train", "Train the digits classifier once, as a tracked run", """
                train [VIEW|KEY=VALUE ...]
                  Resolves the model, data and train scopes with the arguments (views such as fast, sgd,
                  long_training, unregularised; literals such as train.lr=0.05 data.validation_fraction=0.3),
                  trains, and records the run: config, per-epoch loss/val_loss/val_acc, the model file and the
                  code fingerprint. 'manual' lists every view and key.""", System.err);
        this.scopes = scopes;
        this.training = training;
    }

    @Override
    void run(Input input, PrintWriter out) {
        DigitsJob job = DigitsJob.of(scopes.resolve(input.arguments()));
        TrainingSettings settings = job.settings();
        DigitsData data = job.data().load();
        out.printf(Locale.ROOT, "training: lr %s, optimiser %s, minibatch_size %d, epochs %d, l2 %s, data %s%n",
                settings.learningRate(), settings.optimiser().configName(), settings.minibatchSize(),
                settings.epochs(), settings.l2(), job.data().file());
        out.flush();
        TrackedTraining.TrackedRun run = training.train(job, data, new EpochProgressPrinter(out));
        TrainingResult result = run.result();
        out.printf(Locale.ROOT, "run %d: validation accuracy %.4f (%d training, %d validation images, %.1f s)%n",
                run.runId(), result.validationAccuracy(), result.trainSize(), result.validationSize(),
                result.elapsed().toMillis() / 1000.0);
        out.printf("model: %s%n", result.modelFile());
    }
}
