package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.Halving;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunQuery;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.SearchTables;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the dashboard reads, and nothing else: runs through {@link RunFinder} (which reports a silent run as
 * crashed), searches through the tracker's {@link SearchTables}. No method writes.
 */
class DashboardReader {

    /** Artifacts of this data type hold, in their metadata, each config key's origin (see {@link RecordedOrigins}). */
    static final String ORIGINS_TYPE = RecordedOrigins.DATA_TYPE;

    private final RunFinder finder;
    // Python ato writes NaN and Infinity into its JSON columns
    private final JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private volatile Boolean searchTables;

    DashboardReader(RunFinder finder) {
        this.finder = finder;
    }

    List<Views.ProjectSummary> projects() {
        return finder.projects().stream()
                .map(p -> new Views.ProjectSummary(p.name(), p.description(), p.runs())).toList();
    }

    /** A project's runs after the filters, each with the config values that differ between them. */
    Views.RunsPage runs(String project, List<String> statuses, List<String> tags, List<String> configFilters) {
        RunQuery query = finder.query().project(project);
        for (String status : statuses) {
            query.status(status(status));
        }
        tags.forEach(query::tag);
        configFilters.forEach(filter -> ConfigFilter.parse(filter).applyTo(query));
        List<Run> runs = query.list();
        List<Map<String, Object>> leaves = new ArrayList<>(runs.size());
        runs.forEach(run -> leaves.add(run.config().leaves()));
        List<String> varying = varyingKeys(leaves);
        List<Views.RunRow> rows = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            Map<String, Object> shown = new LinkedHashMap<>();
            for (String key : varying) {
                if (leaves.get(i).containsKey(key)) {
                    shown.put(key, leaves.get(i).get(key));
                }
            }
            rows.add(new Views.RunRow(run.id(), run.status(), text(run.startTime()), text(run.endTime()), run.tags(),
                    run.structuralHash(), shown));
        }
        return new Views.RunsPage(project, varying, rows);
    }

    Views.RunDetail run(long id) {
        Run run = finder.findRun(id).orElseThrow(() -> new AtoKeyException("no run with id " + id
                + " in the tracker database; the runs table lists the ids"));
        String project = finder.projectName(run.projectId()).orElse(null);
        List<Views.ArtifactRow> artifacts = finder.artifacts(id).stream().map(a -> new Views.ArtifactRow(a.path(),
                a.dataType(), a.metadataJson(), a.sizeBytes(), a.sha256())).toList();
        List<Views.FingerprintRow> fingerprints = finder.fingerprints(id).stream().map(f ->
                new Views.FingerprintRow(f.traceId(), f.traceType(), f.fingerprint())).toList();
        Map<String, String> origins = origins(artifacts);
        return new Views.RunDetail(run.id(), project, run.status(), text(run.startTime()), text(run.endTime()),
                run.endReason(), run.tags(), run.structuralHash(), run.config().toMap(), origins,
                artifacts.stream().filter(a -> !ORIGINS_TYPE.equals(a.dataType())).toList(), fingerprints);
    }

    /** The run's metric values stored after row {@code afterId}, by key, and the cursor for the next call. */
    Views.MetricBatch metrics(long runId, long afterId) {
        String status = finder.findRun(runId).map(Run::status).orElseThrow(() ->
                new AtoKeyException("no run with id " + runId + " in the tracker database"));
        Map<String, SeriesBuilder> byKey = new LinkedHashMap<>();
        long[] cursor = {afterId};
        finder.metricsAfter(runId, afterId).forEach(m -> {
            cursor[0] = Math.max(cursor[0], m.id());
            byKey.computeIfAbsent(m.key(), k -> new SeriesBuilder()).add(m.step(), finite(m.value()));
        });
        Map<String, Views.Series> series = new LinkedHashMap<>();
        byKey.forEach((key, builder) -> series.put(key, builder.build()));
        return new Views.MetricBatch(runId, status, cursor[0], series);
    }

    List<Views.SearchSummary> searches(String project) {
        if (!hasSearchTables()) {
            return List.of();
        }
        return searchTables().read("list the searches of " + project, c -> c.searches(project)).stream()
                .map(s -> new Views.SearchSummary(s.id(), project, s.status(), s.generation(), s.bestRunId(),
                        finite(s.bestMetric()), s.createdMs())).toList();
    }

    Views.SearchDetail search(String id) {
        if (!hasSearchTables()) {
            throw new AtoKeyException("no HyperBand search '" + id + "': this database has no search tables"
                    + " (searches are recorded by dev.ato.hyperopt.Searches)");
        }
        List<Views.SearchDetail> found = searchTables().read("read search " + id, c -> c.search(id)).stream()
                .map(s -> new Views.SearchDetail(id, s.project(), readJson(s.space()), readJson(s.settings()),
                        s.status(), s.generation(), s.bestRunId(), finite(s.bestMetric()),
                        readJson(s.bestConfig()), s.error(), new ArrayList<>())).toList();
        if (found.isEmpty()) {
            throw new AtoKeyException("no HyperBand search '" + id + "'; the project's search list has the ids");
        }
        Views.SearchDetail search = found.get(0);
        List<Object[]> rows = searchTables().read("read the trials of search " + id, c -> c.trials(id, null))
                .stream().map(t -> new Object[] {t.generation(), t.position(), readJson(t.candidate()), t.status(),
                        finite(t.metric()), t.runId(), t.promoted(), t.isFinal()}).toList();
        // a config survives a generation when it was promoted (asynchronous) or runs again in the next one
        Set<String> reached = new HashSet<>();
        rows.forEach(r -> reached.add(r[0] + ":" + withoutHalvings(r[2])));
        for (Object[] r : rows) {
            int generation = (Integer) r[0];
            boolean survivor = (Boolean) r[6] || reached.contains((generation + 1) + ":" + withoutHalvings(r[2]));
            search.trials().add(new Views.TrialRow(generation, (Integer) r[1], r[2], (String) r[3], (Double) r[4],
                    (Long) r[5], survivor, (Boolean) r[7]));
        }
        return search;
    }

    /** A candidate as the same config across generations ({@link Halving#identity}), in a comparable form. */
    @SuppressWarnings("unchecked")
    private static String withoutHalvings(Object candidate) {
        if (!(candidate instanceof Map<?, ?> map)) {
            return String.valueOf(candidate);
        }
        Map<Object, Object> copy = new TreeMap<>(Comparator.comparing(String::valueOf));
        copy.putAll(Halving.identity(ADict.of((Map<String, ?>) map)).toMap());
        return copy.toString();
    }

    boolean hasSearchTables() {
        Boolean known = searchTables;
        if (known == null) {
            known = searchTables().exist();
            searchTables = known;
        }
        return known;
    }

    private SearchTables searchTables() {
        return SearchTables.of(finder.database());
    }

    private Map<String, String> origins(List<Views.ArtifactRow> artifacts) {
        Map<String, String> origins = new LinkedHashMap<>();
        for (Views.ArtifactRow artifact : artifacts) {
            if (ORIGINS_TYPE.equals(artifact.dataType()) && readJson(artifact.dataInfo()) instanceof Map<?, ?> map) {
                map.forEach((key, origin) -> origins.put(String.valueOf(key), String.valueOf(origin)));
            }
        }
        return origins;
    }

    private Object readJson(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return json.readValue(text, Object.class);
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown run status '" + text + "'; use one of running, completed,"
                    + " failed, killed, crashed, pruned");
        }
    }

    /** The keys some run lacks or holds another value at, in first-seen order (at most 12 columns). */
    private static List<String> varyingKeys(List<Map<String, Object>> leaves) {
        Map<String, Object> first = new LinkedHashMap<>();
        Set<String> varying = new LinkedHashSet<>();
        leaves.forEach(run -> run.forEach(first::putIfAbsent));
        for (Map<String, Object> run : leaves) {
            first.forEach((key, value) -> {
                if (!run.containsKey(key) || !Objects.equals(run.get(key), value)) {
                    varying.add(key);
                }
            });
        }
        return first.keySet().stream().filter(varying::contains).limit(12).toList();
    }

    private static Double finite(Double value) {
        return value != null && Double.isFinite(value) ? value : null;
    }

    private static String text(Instant time) {
        return time == null ? null : time.toString();
    }

    /** Collects one key's points; non-finite values become gaps ({@code null}) in the chart. */
    private static final class SeriesBuilder {
        private final List<Long> steps = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        void add(long step, Double value) {
            steps.add(step);
            values.add(value);
        }

        Views.Series build() {
            return new Views.Series(steps, values);
        }
    }
}
