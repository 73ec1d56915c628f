package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.format.FileFormat;
import dev.ato.format.Xyz;
import dev.ato.hyperopt.Searches;
import dev.ato.scope.Suggestions;
import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;
import dev.ato.tracker.BestRun;
import dev.ato.tracker.MetricPoint;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunQuery;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.StoredArtifact;
import dev.ato.tracker.StoredFingerprint;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code runs list|show|best|similar|diff}: the tracker's runs as tables, or as JSON ({@code --format json}) for
 * scripts. The default project is {@code ato.project}.
 */
class RunsCommands {

    private static final String GROUP = ScopeCommands.GROUP;
    private static final String ABSENT = "(absent)";

    private final Runs runs;
    private final ObjectProvider<Sanitizer> sanitizers;

    RunsCommands(Runs runs, ObjectProvider<Sanitizer> sanitizers) {
        this.runs = runs;
        this.sanitizers = sanitizers;
    }

    /** The one sanitizer: configs, values and quoted texts (end reasons) pass through it. */
    private Sanitizer sanitizer() {
        return sanitizers.getIfAvailable(Sanitizer::defaults);
    }

    @Command(name = "runs list", group = GROUP, description = "List the runs of a project, newest first", help = """
            Runs with id, status, start time, tags and structural hash.
            Example: runs list --status completed --tag baseline --limit 5""")
    String list(@Option(longName = "project", description = "the project (ato.project)",
                        defaultValue = Runs.PROJECT) String project,
                @Option(longName = "limit", description = "at most this many runs", defaultValue = "20") int limit,
                @Option(longName = "status", description = "only runs in this state: running, completed, failed,"
                        + " killed or crashed") @Nullable String status,
                @Option(longName = "tag", description = "only runs with this tag") @Nullable String tag,
                @Option(longName = "format", description = "text or json", defaultValue = "text") String format) {
        if (limit < 0) {
            throw new AtoConfigException("--limit needs a number >= 0, got " + limit);
        }
        boolean json = json(format);
        RunQuery query = runs.finder().query().project(runs.project(project)).newestFirst().page(0, limit);
        if (status != null) {
            query.status(status(status));
        }
        if (tag != null) {
            query.tag(tag);
        }
        List<Run> found = query.list();
        if (json) {
            return json(Map.of("runs", found.stream().map(this::runJson).toList()));
        }
        return Runs.table(found).stripTrailing();
    }

    @Command(name = "runs show", group = GROUP, description = "Show one run: config, metrics, artifacts, fingerprints",
            completionProvider = AtoShellAutoConfiguration.RUN_ID_COMPLETION, help = """
                    The run's status, times, tags, structural hash, config (XYZ); per metric, the number of points,
                    the last step's value, the minimum and the maximum; its artifacts (path, type, size, SHA-256)
                    and its code fingerprints (trace id, type, hash).
                    Example: runs show 12 --format json""")
    String show(@Argument(index = 0, description = "the run id") String id,
                @Option(longName = "format", description = "text or json", defaultValue = "text") String format) {
        boolean json = json(format);
        Run run = runs.run(id);
        List<MetricPoint> points = runs.finder().metrics(run.id());
        List<StoredArtifact> artifacts = runs.finder().artifacts(run.id());
        List<StoredFingerprint> fingerprints = runs.finder().fingerprints(run.id());
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("run", runJson(run));
            List<Object> metrics = new ArrayList<>();
            summaries(points).forEach(s -> metrics.add(ordered("key", s.key(), "points", s.points(), "last_step",
                    s.lastStep(), "last", s.last(), "min", s.min(), "max", s.max())));
            document.put("metrics", metrics);
            document.put("artifacts", artifacts.stream().map(a -> ordered("path", a.path(), "type", a.dataType(),
                    "size_bytes", a.sizeBytes(), "sha256", a.sha256())).toList());
            document.put("fingerprints", fingerprints.stream().map(f -> ordered("trace_id", f.traceId(),
                    "trace_type", f.traceType(), "fingerprint", f.fingerprint())).toList());
            return json(document);
        }
        StringBuilder out = new StringBuilder();
        out.append("run ").append(run.id()).append("  ").append(run.status()).append('\n');
        out.append("started  ").append(run.startTime()).append('\n');
        Sanitizer shown = sanitizer();
        out.append("ended    ").append(run.endTime() == null ? "-" : run.endTime())
                .append(run.endReason() == null ? "" : "  (" + shown.text(run.endReason(), run.config()) + ")")
                .append('\n');
        out.append("tags     ").append(String.join(", ", run.tags())).append('\n');
        out.append("hash     ").append(run.structuralHash()).append('\n');
        out.append("config\n").append(Xyz.dumps(shown.config(run.config())).stripTrailing()).append('\n');
        TextTable metricTable = new TextTable("METRIC", "POINTS", "LAST", "MIN", "MAX");
        summaries(points).forEach(s -> metricTable.row(s.key(), s.points(), s.last() + " @" + s.lastStep(), s.min(),
                s.max()));
        out.append("metrics\n").append(metricTable.render());
        TextTable artifactTable = new TextTable("PATH", "TYPE", "SIZE", "SHA-256");
        artifacts.forEach(a -> artifactTable.row(a.path(), orDash(a.dataType()),
                a.sizeBytes() == null ? "-" : a.sizeBytes(), orDash(a.sha256())));
        out.append("artifacts\n").append(artifactTable.render());
        TextTable fingerprintTable = new TextTable("TRACE", "TYPE", "FINGERPRINT");
        fingerprints.forEach(f -> fingerprintTable.row(f.traceId(), f.traceType(), f.fingerprint()));
        out.append("fingerprints\n").append(fingerprintTable.render());
        return out.toString().stripTrailing();
    }

    @Command(name = "runs best", group = GROUP, description = "Find the best run of a project by a metric", help = """
            The run whose best value of the metric is the highest (max, default) or lowest (min). Without
            --metric, the project's only metric; when it has several, the error lists them.
            Example: runs best --metric val_acc""")
    String best(@Option(longName = "metric", description = "the metric key (default: the project's only metric)")
                @Nullable String metric,
                @Option(longName = "project", description = "the project (ato.project)",
                        defaultValue = Runs.PROJECT) String project,
                @Option(longName = "mode", description = "max or min", defaultValue = "max") String mode,
                @Option(longName = "format", description = "text or json", defaultValue = "text") String format) {
        boolean json = json(format);
        Mode chosen = mode(mode);
        String known = runs.project(project);
        List<String> metrics = runs.finder().metricKeys(known);
        if (metric == null) {
            if (metrics.size() != 1) {
                throw new AtoConfigException("runs best needs --metric NAME, project '" + known + "' has "
                        + (metrics.isEmpty() ? "no metrics yet" : "the metrics " + String.join(", ", metrics)));
            }
            metric = metrics.get(0);
        }
        BestRun best = runs.finder().findBestRun(known, metric, chosen);
        if (best instanceof BestRun.Found found) {
            if (json) {
                return json(ordered("metric", metric, "mode", chosen.name().toLowerCase(Locale.ROOT),
                        "value", found.value(), "run", runJson(found.run())));
            }
            return Runs.table(List.of(found.run())) + metric + " = " + found.value();
        }
        throw new AtoConfigException("no run of project '" + known + "' logged a number for the metric '" + metric
                + "'" + Suggestions.didYouMean(metric, metrics) + "; metrics: " + Runs.listOrNone(metrics)
                + (metrics.contains(Searches.METRIC_KEY) ? " (HyperBand trials record their result as '"
                + Searches.METRIC_KEY + "': runs best --metric " + Searches.METRIC_KEY + ")" : ""));
    }

    @Command(name = "runs similar", group = GROUP, description = "Find runs with the same structure or code",
            completionProvider = AtoShellAutoConfiguration.RUN_ID_COMPLETION, help = """
                    Without --trace: runs of the project with the same structural hash.
                    With --trace: runs that recorded the same fingerprint for that trace.
                    Example: runs similar 12 --trace train_step""")
    String similar(@Argument(index = 0, description = "the run id") String id,
                   @Option(longName = "trace", description = "a trace id (@AtoTrace)") @Nullable String trace,
                   @Option(longName = "trace-type", description = "static or runtime", defaultValue = "static")
                   String traceType) {
        Run run = runs.run(id);
        List<Run> similar = trace == null ? runs.finder().findSimilarRuns(run.id())
                : runs.finder().findSimilarRunsByTrace(run.id(), trace, traceType);
        return Runs.table(similar).stripTrailing();
    }

    @Command(name = "runs diff", group = GROUP, description = "Compare the configs of two runs",
            completionProvider = AtoShellAutoConfiguration.RUN_ID_COMPLETION, help = """
                    Every dotted key whose value differs, with both values; keys only one run has show (absent).
                    Example: runs diff 12 14""")
    String diff(@Argument(index = 0, description = "the first run id") String first,
                @Argument(index = 1, description = "the second run id") String second,
                @Option(longName = "format", description = "text or json", defaultValue = "text") String format) {
        boolean json = json(format);
        Run left = runs.run(first);
        Run right = runs.run(second);
        Sanitizer shown = sanitizer();
        Map<String, Object> a = left.config().leaves();
        Map<String, Object> b = right.config().leaves();
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        TextTable table = new TextTable("KEY", "RUN " + left.id(), "RUN " + right.id());
        List<Object> differences = new ArrayList<>();
        for (String key : keys) {
            if (!a.containsKey(key) || !b.containsKey(key) || !Objects.equals(a.get(key), b.get(key))) {
                table.row(key, show(shown, a, key), show(shown, b, key));
                differences.add(ordered("key", key, "left_present", a.containsKey(key),
                        "left", shown.value(key, a.get(key)), "right_present", b.containsKey(key),
                        "right", shown.value(key, b.get(key))));
            }
        }
        if (json) {
            return json(ordered("left", left.id(), "right", right.id(), "differences", differences));
        }
        return differences.isEmpty() ? "the configs of runs " + left.id() + " and " + right.id() + " are equal"
                : table.render().stripTrailing();
    }

    private record Summary(String key, int points, long lastStep, double last, double min, double max) {
    }

    private static List<Summary> summaries(List<MetricPoint> points) {
        Map<String, List<MetricPoint>> byKey = new LinkedHashMap<>();
        points.forEach(p -> byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p));
        List<Summary> summaries = new ArrayList<>();
        byKey.forEach((key, list) -> {
            MetricPoint last = list.stream().max(Comparator.comparingLong(MetricPoint::step)).orElseThrow();
            summaries.add(new Summary(key, list.size(), last.step(), last.value(),
                    list.stream().mapToDouble(MetricPoint::value).min().orElseThrow(),
                    list.stream().mapToDouble(MetricPoint::value).max().orElseThrow()));
        });
        return summaries;
    }

    private Map<String, Object> runJson(Run run) {
        Sanitizer shown = sanitizer();
        return ordered("id", run.id(), "status", run.status(), "start_time", text(run.startTime()),
                "end_time", text(run.endTime()), "end_reason", run.endReason() == null ? null
                        : shown.text(run.endReason(), run.config()), "tags", run.tags(),
                "structural_hash", run.structuralHash(), "config", shown.config(run.config()));
    }

    /** A map in the order of its key/value pairs. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static @Nullable String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String json(Map<String, ?> document) {
        return FileFormat.JSON.write(ADict.of(document)).stripTrailing();
    }

    private static boolean json(String format) {
        if (format.equalsIgnoreCase("json")) {
            return true;
        }
        if (format.equalsIgnoreCase("text")) {
            return false;
        }
        throw new AtoConfigException("unknown format '" + format + "'; use text or json");
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown status '" + text + "'; use one of " + String.join(", ",
                    Arrays.stream(RunStatus.values()).map(RunStatus::dbValue).toList()));
        }
    }

    private static Mode mode(String text) {
        try {
            return Mode.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown mode '" + text + "'; use max or min");
        }
    }

    private static Object orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String show(Sanitizer shown, Map<String, Object> values, String key) {
        return values.containsKey(key) ? Xyz.dumps(shown.value(key, values.get(key))).strip() : ABSENT;
    }
}
