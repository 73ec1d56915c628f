package dev.ato.sample.command;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.shell.AtoShellAutoConfiguration;
import dev.ato.sample.config.DigitsJob;
import dev.ato.sample.job.TrackedTraining;
import dev.ato.sample.training.DigitsData;
import dev.ato.sample.training.EpochProgressPrinter;
import dev.ato.sample.training.TrainingResult;
import dev.ato.sample.training.TrainingSettings;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code train [VIEW|KEY=VALUE …]}: trains once as a tracked run and prints every epoch and the result. Bad input
 * (an unknown view, a malformed literal, a learning rate ≤ 0, a missing data file) is an Ato error, which the
 * command line reports as one {@code Error:} block with exit code 2.
 */
@Component
class TrainCommand {

    private final AtoScopes scopes;
    private final TrackedTraining training;

    TrainCommand(AtoScopes scopes, TrackedTraining training) {
        this.scopes = scopes;
        this.training = training;
    }

    @Command(name = "train", group = "Digits", description = "Train the digits classifier once, as a tracked run",
            completionProvider = AtoShellAutoConfiguration.VIEW_COMPLETION, help = """
                    Resolves the model, data and train scopes with the views (fast, sgd, long_training,
                    unregularised) and literals (train.lr=0.05 data.validation_fraction=0.3), trains, and records
                    the run: config, per-epoch loss/val_loss/val_acc, the model file and the code fingerprint.
                    'manual' lists every view and key.
                    Example: train fast train.lr=0.05""")
    void train(@Arguments List<String> viewOrLiteral, CommandContext context) {
        PrintWriter out = context.outputWriter();
        DigitsJob job = DigitsJob.of(scopes.resolve(viewOrLiteral == null ? List.of() : viewOrLiteral));
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
        out.flush();
    }
}
