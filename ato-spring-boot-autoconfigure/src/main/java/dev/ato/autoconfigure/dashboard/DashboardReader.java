package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import dev.ato.Mode;
import dev.ato.hyperopt.Halving;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.MetricReader;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunQuery;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.SearchTables;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the dashboard reads, and nothing else: runs through {@link RunFinder} (which reports a silent run as
 * crashed), metric series through {@link MetricReader}, searches through the tracker's {@link SearchTables}; every
 * value it returns has passed the application's {@link Sanitizer}. No method writes.
 */
class DashboardReader {

    /** Artifacts of this data type hold, in their metadata, each config key's origin (see {@link RecordedOrigins}). */
    static final String ORIGINS_TYPE = RecordedOrigins.DATA_TYPE;

    /** Runs one page of the runs table holds at most (the project charts ask for this many). */
    static final int MAX_RUNS_PAGE = 10_000;

    /** Config keys the runs table offers as columns at most: the differing ones, in first-seen order. */
    static final int MAX_PARAM_COLUMNS = 12;

    /** Rows a live poll or one page of raw export returns at most. */
    static final int LIVE_PAGE = 5_000;

    private final RunFinder finder;
    private final MetricReader metricReader;
    private final Sanitizer sanitizer;
    // Python ato writes NaN and Infinity into its JSON columns
    private final JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private volatile Boolean searchTables;

    DashboardReader(RunFinder finder, Sanitizer sanitizer) {
        this.finder = finder;
        this.sanitizer = sanitizer;
        this.metricReader = MetricReader.of(finder.database());
    }

    List<Views.ProjectSummary> projects() {
        return finder.projects().stream().map(p -> new Views.ProjectSummary(sanitizer.text(p.name()),
                sanitizer.text(p.description()), p.runs())).toList();
    }

    /**
     * One page of a project's runs table: the filters, the order and the page are the database's work (through the
     * tracker's {@link RunQuery}), so only the rows shown, with only the columns asked for, are read in full and
     * sent, whatever the number of runs or metrics. The config keys that vary and the metric keys come along for the
     * column chooser.
     */
    Views.RunsPage runs(RunsRequest request) {
        String project = request.project();
        if (request.limit() < 0 || request.limit() > MAX_RUNS_PAGE) {
            throw new AtoConfigException("limit must be 0.." + MAX_RUNS_PAGE + ", got " + request.limit());
        }
        if (request.offset() < 0) {
            throw new AtoConfigException("offset must be 0 or more, got " + request.offset());
        }
        RunQuery filtered = filtered(request);
        List<String> varying = filtered(request).varyingConfigKeys(MAX_PARAM_COLUMNS);
        List<String> metricKeys = finder.metricKeys(project);
        long total = filtered.count();
        RunQuery page = filtered(request);
        order(page, request.sort(), request.descending(), metricKeys);
        if (request.grouped()) {
            page.groupedByStructure();
        }
        List<Run> runs = page.page(request.offset(), request.limit()).list();

        List<String> params = request.columns() == null ? varying : request.columns().stream()
                .filter(c -> c.startsWith("p:")).map(c -> c.substring(2)).distinct().toList();
        Set<String> metricsShown = request.columns() == null ? null : new TreeSet<>();
        if (metricsShown != null) {
            request.columns().stream().filter(c -> c.startsWith("m:"))
                    .forEach(c -> metricsShown.add(metricColumn(c.substring(2), metricKeys).key()));
        }
        Map<Long, Map<String, Views.MetricCell>> metrics = new HashMap<>();
        for (MetricReader.MetricSummary m : metricReader.summaries(runs.stream().map(Run::id).toList(), metricsShown)) {
            metrics.computeIfAbsent(m.runId(), id -> new TreeMap<>()).put(m.key(), new Views.MetricCell(
                    finite(m.last()), finite(m.min()), finite(m.max()), m.count()));
        }
        List<Views.RunRow> rows = new ArrayList<>(runs.size());
        // a page of 10,000 runs (the charts) shares few distinct values and tags: each passes the sanitizer once
        Map<List<Object>, Object> shownValues = new HashMap<>();
        Map<String, String> shownTags = new HashMap<>();
        for (Run run : runs) {
            Map<String, Object> leaves = run.config().leaves();
            Map<String, Object> shown = new LinkedHashMap<>();
            for (String key : params) {
                if (leaves.containsKey(key)) {
                    Object value = leaves.get(key);
                    shown.put(key, shownValues.computeIfAbsent(Arrays.asList(key, value),
                            k -> sanitizer.value(key, value)));
                }
            }
            rows.add(new Views.RunRow(run.id(), run.status(), text(run.startTime()), text(run.endTime()),
                    run.tags() == null ? List.of() : run.tags().stream()
                            .map(t -> shownTags.computeIfAbsent(t, sanitizer::text)).toList(),
                    run.structuralHash(), shown,
                    metrics.getOrDefault(run.id(), Map.of())));
        }
        Map<String, Long> groups = new TreeMap<>();
        if (request.grouped()) {
            Set<String> hashes = new HashSet<>();
            runs.forEach(r -> hashes.add(r.structuralHash()));
            filtered(request).countByStructure(hashes).forEach((hash, n) -> groups.put(hash == null ? "" : hash, n));
        }
        return new Views.RunsPage(sanitizer.text(project), varying, metricKeys, total, request.offset(),
                request.limit(), request.sort(), request.descending() ? "desc" : "asc", groups, rows);
    }

    /** The runs query of a request's filters (a new one each time: a query narrows as it is built). */
    private RunQuery filtered(RunsRequest request) {
        RunQuery query = finder.query().project(request.project());
        for (String status : request.statuses()) {
            query.status(status(status));
        }
        request.tags().forEach(query::tag);
        for (String text : request.configFilters()) {
            ConfigFilter filter = ConfigFilter.parse(text);
            if (sanitizer.isSecret(filter.key())) {
                // a filter on a secret would reveal its value one guess at a time
                throw new AtoConfigException("config filter '" + sanitizer.text(text) + "' names the secret key '"
                        + filter.key() + "'; secret values cannot be filtered on");
            }
            filter.applyTo(query);
        }
        return query;
    }

    /**
     * Orders by a runs-table column: {@code id}, {@code status}, {@code startTime}, {@code duration}, {@code tags},
     * {@code structuralHash}, {@code p:<config key>}, {@code m:<metric>} (last value), {@code m:<metric>:min} or
     * {@code m:<metric>:max}. A secret config key orders like its masks, all equal: by id.
     */
    private void order(RunQuery query, String sort, boolean descending, List<String> metricKeys) {
        if (sort.startsWith("p:")) {
            String key = sort.substring(2);
            if (sanitizer.isSecret(key)) {
                query.orderBy(RunQuery.Field.ID, false); // ordering by a secret would reveal how its values compare
            } else {
                query.orderByConfig(key, descending);
            }
            return;
        }
        if (sort.startsWith("m:")) {
            MetricColumn column = metricColumn(sort.substring(2), metricKeys);
            query.orderByMetric(column.key(), column.value(), descending);
            return;
        }
        RunQuery.Field field = switch (sort) {
            case "id" -> RunQuery.Field.ID;
            case "status" -> RunQuery.Field.STATUS;
            case "startTime" -> RunQuery.Field.START_TIME;
            case "duration" -> RunQuery.Field.DURATION;
            case "tags" -> RunQuery.Field.TAGS;
            case "structuralHash" -> RunQuery.Field.STRUCTURE;
            default -> throw new AtoConfigException("cannot sort the runs by '" + sanitizer.text(sort) + "'; sort by"
                    + " id, status, startTime, duration, tags, structuralHash, p:<config key>, m:<metric>,"
                    + " m:<metric>:min or m:<metric>:max");
        };
        query.orderBy(field, descending);
    }

    /** A metric column's key and value: {@code loss} is the last value, {@code loss:min} the lowest (unless a metric is named so). */
    private static MetricColumn metricColumn(String text, List<String> metricKeys) {
        for (RunQuery.MetricValue value : List.of(RunQuery.MetricValue.MIN, RunQuery.MetricValue.MAX)) {
            String suffix = ":" + value.name().toLowerCase(Locale.ROOT);
            if (text.endsWith(suffix) && !metricKeys.contains(text)) {
                return new MetricColumn(text.substring(0, text.length() - suffix.length()), value);
            }
        }
        return new MetricColumn(text, RunQuery.MetricValue.LAST);
    }

    private record MetricColumn(String key, RunQuery.MetricValue value) {
    }

    Views.RunDetail run(long id) {
        Run run = finder.findRun(id).orElseThrow(() -> new AtoKeyException("no run with id " + id
                + " in the tracker database; the runs table lists the ids"));
        String project = finder.projectName(run.projectId()).orElse(null);
        List<Views.ArtifactRow> artifacts = finder.artifacts(id).stream().map(a -> new Views.ArtifactRow(a.path(),
                a.dataType(), a.metadataJson(), a.sizeBytes(), a.sha256())).toList();
        List<Views.FingerprintRow> fingerprints = finder.fingerprints(id).stream().map(f ->
                new Views.FingerprintRow(f.traceId(), f.traceType(), f.fingerprint())).toList();
        Map<String, String> origins = new LinkedHashMap<>();
        origins(artifacts).forEach((key, origin) -> origins.put(key, sanitizer.text(origin, run.config())));
        List<Views.ArtifactRow> shownArtifacts = artifacts.stream().filter(a -> !ORIGINS_TYPE.equals(a.dataType()))
                .map(a -> new Views.ArtifactRow(sanitizer.text(a.path()), a.dataType(),
                        sanitizer.text(a.dataInfo(), run.config()), a.sizeBytes(), a.sha256())).toList();
        return new Views.RunDetail(run.id(), sanitizer.text(project), run.status(), text(run.startTime()),
                text(run.endTime()), sanitizer.text(run.endReason(), run.config()), tags(run.tags()),
                run.structuralHash(), sanitizer.map(run.config().toMap()), origins, shownArtifacts, fingerprints);
    }

    /**
     * The run's series, each downsampled to about {@code points} points between steps {@code from} and {@code to}
     * (all of them when the range holds no more), and the cursor a live page polls {@link #metrics} from.
     */
    Views.SeriesSet series(long runId, String key, Long from, Long to, int points) {
        if (points < 4 || points > 4 * MetricReader.MAX_BUCKETS) {
            throw new AtoConfigException("points must be 4.." + 4 * MetricReader.MAX_BUCKETS + ", got " + points);
        }
        String status = status(runId);
        Map<String, Views.Series> series = new LinkedHashMap<>();
        long cursor = 0;
        for (MetricReader.SeriesExtent extent : metricReader.extents(runId)) {
            cursor = Math.max(cursor, extent.lastId());
            if (key == null || key.equals(extent.key())) {
                MetricReader.Series s = metricReader.series(runId, extent.key(), from, to, points / 4);
                series.put(extent.key(), new Views.Series(s.steps(), finiteValues(s.values()), s.count(), s.exact(),
                        extent.minStep(), extent.maxStep()));
            }
        }
        if (key != null && !series.containsKey(key)) {
            throw new AtoKeyException("run " + runId + " has no metric '" + key + "'");
        }
        return new Views.SeriesSet(runId, status, cursor, series);
    }

    /** Up to {@code limit} raw points stored after row {@code afterId} (one key or all), by key, and the cursor. */
    Views.MetricBatch metrics(long runId, String key, long afterId, int limit) {
        if (limit < 1 || limit > MetricReader.MAX_PAGE) {
            throw new AtoConfigException("limit must be 1.." + MetricReader.MAX_PAGE + ", got " + limit);
        }
        String status = status(runId);
        MetricReader.MetricPage page = metricReader.page(runId, key, afterId, limit);
        Map<String, SeriesBuilder> byKey = new LinkedHashMap<>();
        for (MetricReader.MetricRow row : page.rows()) {
            byKey.computeIfAbsent(row.key(), k -> new SeriesBuilder()).add(row.step(), finite(row.value()));
        }
        Map<String, Views.Series> series = new LinkedHashMap<>();
        byKey.forEach((k, builder) -> series.put(k, builder.build()));
        return new Views.MetricBatch(runId, status, page.cursor(), page.more(), series);
    }

    private String status(long runId) {
        return finder.findRun(runId).map(Run::status).orElseThrow(() ->
                new AtoKeyException("no run with id " + runId + " in the tracker database"));
    }

    private static List<Double> finiteValues(List<Double> values) {
        List<Double> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(finite(v)));
        return out;
    }

    List<Views.SearchSummary> searches(String project) {
        if (!hasSearchTables()) {
            return List.of();
        }
        return searchTables().read("list the searches of " + project, c -> c.searches(project)).stream()
                .map(s -> new Views.SearchSummary(s.id(), sanitizer.text(project), s.status(), s.generation(),
                        s.bestRunId(), finite(s.bestMetric()), s.createdMs())).toList();
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
        Views.SearchDetail found0 = found.get(0);
        Views.SearchDetail search = new Views.SearchDetail(id, sanitizer.text(found0.project()), sanitize(found0.space()),
                settings(found0.settings()), found0.status(), found0.generation(), found0.bestRunId(),
                found0.bestMetric(), sanitize(found0.bestConfig()), sanitizer.text(found0.error()), new ArrayList<>());
        List<Views.TrialRow> rows = searchTables().read("read the trials of search " + id, c -> c.trials(id, null))
                .stream().map(t -> new Views.TrialRow(t.generation(), t.position(), readJson(t.candidate()),
                        t.status(), finite(t.metric()), t.runId(), t.promoted(), t.isFinal(), null)).toList();
        Map<Integer, List<Views.TrialRow>> byGeneration = new TreeMap<>();
        rows.forEach(r -> byGeneration.computeIfAbsent(r.generation(), g -> new ArrayList<>()).add(r));
        Halving halving = halving(found0.settings());
        boolean asynchronous = found0.settings() instanceof Map<?, ?> settings
                && "ASYNCHRONOUS".equalsIgnoreCase(String.valueOf(settings.get("schedule")));
        for (List<Views.TrialRow> generation : byGeneration.values()) {
            Set<Views.TrialRow> survivors = survivors(generation, halving, asynchronous);
            for (Views.TrialRow r : generation) {
                String outcome = r.isFinal() ? "final" : survivors == null ? "pending"
                        : survivors.contains(r) ? "survived" : "cut";
                search.trials().add(new Views.TrialRow(r.generation(), r.position(), sanitize(r.candidate()),
                        r.status(), r.metric(), r.runId(), "survived".equals(outcome), r.isFinal(), outcome));
            }
        }
        return search;
    }

    /**
     * Who survived a generation, decided by the search's own rule ({@link Halving}): the promoted ones of an
     * asynchronous rung; of a synchronous generation, once every trial finished, the top {@code halving_rate} by
     * {@link Halving#rank}. {@code null} while a synchronous generation is still running, or without settings.
     */
    private static Set<Views.TrialRow> survivors(List<Views.TrialRow> generation, Halving halving,
                                                 boolean asynchronous) {
        if (asynchronous) {
            Set<Views.TrialRow> promoted = new HashSet<>();
            generation.stream().filter(Views.TrialRow::survivor).forEach(promoted::add);
            return promoted;
        }
        if (halving == null || generation.stream().anyMatch(t -> t.isFinal()
                || "pending".equals(t.status()) || "running".equals(t.status()))) {
            return null;
        }
        return new HashSet<>(halving.survivors(halving.rank(generation,
                t -> t.metric() == null ? Double.NaN : t.metric())));
    }

    /** The search's halving rule from its stored settings, or {@code null} when they are not readable. */
    private static Halving halving(Object settings) {
        if (!(settings instanceof Map<?, ?> map)) {
            return null;
        }
        try {
            return new Halving(((Number) map.get("halving_rate")).doubleValue(),
                    ((Number) map.get("num_min_samples")).intValue(),
                    Mode.valueOf(String.valueOf(map.get("mode")).toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return null; // a search written by another tool: its trials are shown without outcomes
        }
    }

    /**
     * A search's settings: Ato's own fixed fields ({@code metric_key}, {@code halving_rate}, ...), whose names are
     * no secrets (a key rule would mask {@code metric_key}); their texts still pass the sanitizer.
     */
    private Object settings(Object settings) {
        if (!(settings instanceof Map<?, ?> map)) {
            return settings;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        map.forEach((k, v) -> shown.put(String.valueOf(k), v instanceof String text ? sanitizer.text(text) : v));
        return shown;
    }

    /** A JSON value read from the database (a config, a candidate) as the sanitizer lets it be shown. */
    private Object sanitize(Object value) {
        return value instanceof Map<?, ?> map ? sanitizer.map(castMap(map)) : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
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

    private List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().map(sanitizer::text).toList();
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown run status '" + text + "'; use one of running, completed,"
                    + " failed, killed, crashed, pruned");
        }
    }

    private static Double finite(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
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
            long lo = steps.stream().mapToLong(Long::longValue).min().orElse(0);
            long hi = steps.stream().mapToLong(Long::longValue).max().orElse(0);
            return new Views.Series(steps, values, steps.size(), true, lo, hi);
        }
    }
}
