package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.tracker.BestRun;

import java.util.List;
import java.util.Locale;

/** {@code runs best --metric KEY [--project NAME] [--mode max|min]}: the best run of a project by a metric. */
final class RunsBestCommand extends AtoCommand {

    private final Runs runs;

    RunsBestCommand(Runs runs, String defaultProject) {
        super("runs best", "Find the best run of a project by a metric", """
                runs best --metric KEY [--project NAME] [--mode max|min]
                  The run whose best value of the metric is the highest (max, default) or lowest (min).""",
                option("project", "the project", defaultProject), option("metric", "the metric key", null),
                option("mode", "max or min", "max"));
        this.runs = runs;
    }

    @Override
    String run(Input input) {
        String metric = input.option("metric");
        if (metric == null) {
            throw new AtoConfigException("runs best needs --metric KEY (e.g. --metric val_acc)");
        }
        BestRun best = runs.finder().findBestRun(input.option("project"), metric, mode(input.option("mode")));
        if (best instanceof BestRun.Found found) {
            return Runs.table(List.of(found.run())) + metric + " = " + found.value() + "\n";
        }
        if (best instanceof BestRun.ProjectNotFound missing) {
            throw new AtoConfigException("no project '" + missing.project() + "'; projects: "
                    + Runs.listOrNone(runs.projects()));
        }
        throw new AtoConfigException("no run of project '" + input.option("project") + "' logged the metric '"
                + metric + "'");
    }

    private static Mode mode(String text) {
        try {
            return Mode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown mode '" + text + "'; use max or min");
        }
    }
}
