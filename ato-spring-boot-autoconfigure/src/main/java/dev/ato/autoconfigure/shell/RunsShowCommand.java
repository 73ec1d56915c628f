package dev.ato.autoconfigure.shell;

import dev.ato.format.Xyz;
import dev.ato.tracker.MetricPoint;
import dev.ato.tracker.Run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code runs show ID}: one run's status, tags, config and a summary of each metric. */
final class RunsShowCommand extends AtoCommand {

    private final Runs runs;

    RunsShowCommand(Runs runs) {
        super("runs show", "Show one run: config and metrics", """
                runs show ID
                  The run's status, times, tags, structural hash, config (XYZ) and, per metric, the number of
                  points, the last step's value, the minimum and the maximum.""");
        this.runs = runs;
    }

    @Override
    String run(Input input) {
        Run run = runs.run(input.argument(0, "the run id"));
        StringBuilder out = new StringBuilder();
        out.append("run ").append(run.id()).append("  ").append(run.status()).append('\n');
        out.append("started  ").append(run.startTime()).append('\n');
        out.append("ended    ").append(run.endTime() == null ? "-" : run.endTime())
                .append(run.endReason() == null ? "" : "  (" + run.endReason() + ")").append('\n');
        out.append("tags     ").append(String.join(", ", run.tags())).append('\n');
        out.append("hash     ").append(run.structuralHash()).append('\n');
        out.append("config\n").append(Xyz.dumps(run.config()).stripTrailing()).append('\n');
        out.append("metrics\n").append(metrics(runs.finder().metrics(run.id())));
        return out.toString();
    }

    private static String metrics(List<MetricPoint> points) {
        Map<String, List<MetricPoint>> byKey = new LinkedHashMap<>();
        points.forEach(p -> byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p));
        TextTable table = new TextTable("METRIC", "POINTS", "LAST", "MIN", "MAX");
        byKey.forEach((key, list) -> {
            MetricPoint last = list.stream().max(Comparator.comparingLong(MetricPoint::step)).orElseThrow();
            double min = list.stream().mapToDouble(MetricPoint::value).min().orElseThrow();
            double max = list.stream().mapToDouble(MetricPoint::value).max().orElseThrow();
            table.row(key, list.size(), last.value() + " @" + last.step(), min, max);
        });
        return table.render();
    }
}
