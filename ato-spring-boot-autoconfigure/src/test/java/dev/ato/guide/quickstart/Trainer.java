package dev.ato.guide.quickstart;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoCommandLine;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The job: reads the resolved "train" config and logs a (toy) loss per epoch to the tracker. */
@Component
class Trainer implements ApplicationRunner {

    private final ADict train;
    private final Tracker tracker;
    private final AtoCommandLine commandLine;

    Trainer(@Qualifier("train") ADict train, Tracker tracker, AtoCommandLine commandLine) {
        this.train = train;
        this.tracker = tracker;
        this.commandLine = commandLine;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (commandLine.hasCommand()) {
            return; // `manual`, `why`, `runs ...` were asked for instead of the job
        }
        try (RunHandle run = tracker.start("quickstart", train, "first-run")) {
            double loss = 1.0;
            for (int epoch = 0; epoch < train.getInt("epochs"); epoch++) {
                loss *= 1 - train.getDouble("lr") * 10;
                run.logMetric("loss", loss, epoch);
            }
            System.out.printf("run %d: %s, %d epochs, final loss %.4f%n",
                    run.id(), train.getString("optimizer"), train.getInt("epochs"), loss);
        }
    }
}
