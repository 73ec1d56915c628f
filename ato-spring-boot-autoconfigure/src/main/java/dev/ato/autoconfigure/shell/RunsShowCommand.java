package dev.ato.autoconfigure.shell;

import dev.ato.format.Xyz;
import dev.ato.tracker.MetricPoint;
import dev.ato.tracker.Run;
import dev.ato.tracker.StoredArtifact;
import dev.ato.tracker.StoredFingerprint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code runs show ID}: one run's status, tags, config, a summary of each metric, its artifacts and fingerprints. */
final class RunsShowCommand extends AtoCommand {

    private final Runs runs;

    RunsShowCommand(Runs runs) {
        super("runs show", "Show one run: config, metrics, artifacts and fingerprints", """
                runs show ID
                  The run's status, times, tags, structural hash, config (XYZ); per metric, the number of
                  points, the last step's value, the minimum and the maximum; its artifacts (path, type, size,
                  SHA-256) and its code fingerprints (trace id, type, hash).""");
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
        out.append("artifacts\n").append(artifacts(runs.finder().artifacts(run.id())));
        out.append("fingerprints\n").append(fingerprints(runs.finder().fingerprints(run.id())));
        return out.toString();
    }

    private static String artifacts(List<StoredArtifact> artifacts) {
        TextTable table = new TextTable("PATH", "TYPE", "SIZE", "SHA-256");
        artifacts.forEach(a -> table.row(a.path(), orDash(a.dataType()), a.sizeBytes() == null ? "-" : a.sizeBytes(),
                orDash(a.sha256())));
        return table.render();
    }

    private static String fingerprints(List<StoredFingerprint> fingerprints) {
        TextTable table = new TextTable("TRACE", "TYPE", "FINGERPRINT");
        fingerprints.forEach(f -> table.row(f.traceId(), f.traceType(), f.fingerprint()));
        return table.render();
    }

    private static Object orDash(String value) {
        return value == null ? "-" : value;
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
