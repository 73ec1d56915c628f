package dev.ato.tracker;

import dev.ato.AtoConfigException;
import dev.ato.Mode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A typed query over runs, from {@link RunFinder#query()}: filters (project, status, tags, start time, config
 * values), an order (by a metric's last, lowest or highest value, a config value or a column of the run, optionally
 * grouped by structure; else by id) and a page. Each call narrows the query; {@link #list()} runs it,
 * {@link #count()} counts its runs, {@link #varyingConfigKeys(int)} names the config keys that differ between them.
 *
 * <pre>{@code
 * finder.query().project("vision").status(RunStatus.COMPLETED).tag("baseline")
 *       .config("lr", ConfigComparison.LT, 0.01)
 *       .orderByBest("val_acc", Mode.MAX).page(0, 20).list();
 * }</pre>
 */
public final class RunQuery {

    /** The columns of a run itself a query can order by. */
    public enum Field { ID, STATUS, START_TIME, DURATION, TAGS, STRUCTURE }

    /** Which value of a run's metric a query orders by: the newest, the lowest or the highest. */
    public enum MetricValue { LAST, MIN, MAX }

    /** One sort value: an SQL expression over the run {@code e}, with its bound values ({@code null} for none). */
    private record Term(String expression, Binder binder, boolean descending) {
    }

    /** One bound value of the SQL being built. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    private final RunStore store;
    private final RunRows rows;
    private final StringBuilder where = new StringBuilder();
    private final List<Binder> binders = new ArrayList<>();
    private final Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
    private final List<Term> order = new ArrayList<>();
    private boolean idDescending;
    private boolean groupedByStructure;
    private long offset;
    private int limit = -1;

    RunQuery(RunStore store, RunRows rows) {
        this.store = store;
        this.rows = rows;
    }

    /** Only runs of this project. */
    public RunQuery project(String project) {
        and("e.project_id IN (SELECT id FROM projects WHERE name = ?)", (ps, i) -> ps.setString(i, project));
        return this;
    }

    /**
     * Only runs in one of these states, as the finder reports them (a silent {@code running} run is {@code crashed}).
     * Without this filter a query leaves out {@link RunStatus#SUPERSEDED} runs.
     */
    public RunQuery status(RunStatus... wanted) {
        statuses.addAll(List.of(wanted));
        return this;
    }

    /** Only runs carrying this tag (call again for more: all must be present). */
    public RunQuery tag(String tag) {
        and(store.flavor().hasTag(), (ps, i) -> ps.setString(i, tag));
        return this;
    }

    /** Only runs started at or after {@code from} and before {@code until}; either may be {@code null}. */
    public RunQuery startedBetween(Instant from, Instant until) {
        if (from != null) {
            and("e.start_time >= ?", (ps, i) -> store.flavor().setTime(ps, i, from));
        }
        if (until != null) {
            and("e.start_time < ?", (ps, i) -> store.flavor().setTime(ps, i, until));
        }
        return this;
    }

    /**
     * Only runs whose config value at a dotted path compares to {@code value}: a {@link Number} is compared with the
     * config values that are JSON numbers, as numbers ({@code lr < 0.01}); a {@link String} with the JSON strings.
     * Runs without the key, or with another JSON type there, do not match.
     */
    public RunQuery config(String dottedPath, ConfigComparison comparison, Object value) {
        SqlFlavor flavor = store.flavor();
        String path = flavor.jsonPath(dottedPath);
        Binder pathTwice = (ps, i) -> {
            ps.setString(i, path);
            ps.setString(i + 1, path);
        };
        if (value instanceof Number number) {
            where(flavor.configNumber() + " " + comparison.sql() + " ?", pathTwice, 2,
                    (ps, i) -> ps.setDouble(i, number.doubleValue()));
        } else if (value instanceof String text) {
            where(flavor.configText() + " " + comparison.sql() + " ?", pathTwice, 2, (ps, i) -> ps.setString(i, text));
        } else {
            throw new AtoConfigException("config('" + dottedPath + "') compares numbers or strings, not "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return this;
    }

    /** Orders by each run's best value of a metric (highest first for MAX, lowest first for MIN); runs without it last. */
    public RunQuery orderByBest(String metricKey, Mode mode) {
        return orderByMetric(metricKey, mode == Mode.MAX ? MetricValue.MAX : MetricValue.MIN, mode == Mode.MAX);
    }

    /** Orders by each run's value of a metric at its highest step (best first by {@code mode}); runs without it last. */
    public RunQuery orderByLast(String metricKey, Mode mode) {
        return orderBy(new Term("(SELECT m.value FROM metrics m WHERE m.run_id = e.id AND m." + store.flavor().key()
                + " = ? AND " + store.flavor().isNumber("m.value") + " ORDER BY m.step DESC, m.id DESC LIMIT 1)",
                bindText(metricKey), mode == Mode.MAX));
    }

    /**
     * Orders by a metric of each run: its newest value ({@link MetricValue#LAST}, the row stored last, as
     * {@link MetricReader#summaries} reports it), its lowest or its highest. NaN never counts (a run whose newest
     * value is NaN has no last value); runs without a value come last in either direction, ties by id.
     */
    public RunQuery orderByMetric(String metricKey, MetricValue which, boolean descending) {
        SqlFlavor flavor = store.flavor();
        String k = flavor.key();
        String expression = switch (which) {
            case LAST -> "(SELECT CASE WHEN " + flavor.isNumber("m.value") + " THEN m.value END FROM metrics m"
                    + " WHERE m.run_id = e.id AND m." + k + " = ? ORDER BY m.id DESC LIMIT 1)";
            case MIN, MAX -> "(SELECT " + which.name() + "(m.value) FROM metrics m WHERE m.run_id = e.id AND "
                    + flavor.notIndexed("m." + k) + " = ? AND " + flavor.isNumber("m.value") + ")";
        };
        return orderBy(new Term(expression, bindText(metricKey), descending));
    }

    /**
     * Orders by a config value at a dotted path: numbers as numbers, then strings as text, then any other JSON value
     * (booleans, lists) by its JSON text; runs without the key come last in either direction, ties by id.
     */
    public RunQuery orderByConfig(String dottedPath, boolean descending) {
        SqlFlavor flavor = store.flavor();
        String path = flavor.jsonPath(dottedPath);
        Binder twice = (ps, i) -> {
            ps.setString(i, path);
            ps.setString(i + 1, path);
        };
        order.clear();
        order.add(new Term(flavor.configNumber(), new Counted(twice, 2), descending));
        order.add(new Term(flavor.configText(), new Counted(twice, 2), descending));
        order.add(new Term(flavor.configJson(), (ps, i) -> ps.setString(i, path), descending));
        idDescending = false;
        return this;
    }

    /**
     * Orders by a column of the run itself; {@link Field#STATUS} is the status as reported (a silent run is
     * {@code crashed}), {@link Field#DURATION} runs to now for a run without an end. Ties by id.
     */
    public RunQuery orderBy(Field field, boolean descending) {
        SqlFlavor flavor = store.flavor();
        return switch (field) {
            case ID -> {
                order.clear();
                idDescending = descending;
                yield this;
            }
            case STATUS -> orderBy(new Term("(CASE WHEN e.status = 'running' AND e.heartbeat_at < ? THEN 'crashed'"
                    + " ELSE e.status END)", (ps, i) -> flavor.setTime(ps, i, rows.crashCutoff()), descending));
            case START_TIME -> orderBy(new Term("e.start_time", null, descending));
            case DURATION -> orderBy(new Term(flavor.elapsed("e.start_time", "COALESCE(e.end_time, ?)"),
                    (ps, i) -> flavor.setTime(ps, i, Instant.now()), descending));
            case TAGS -> orderBy(new Term(flavor.jsonAsText("e.tags"), null, descending));
            case STRUCTURE -> orderBy(new Term("e.structural_hash", null, descending));
        };
    }

    /**
     * Puts runs with the same structural hash next to each other (hashes in text order, runs without one first),
     * each group in the query's order.
     */
    public RunQuery groupedByStructure() {
        groupedByStructure = true;
        return this;
    }

    /** Orders the newest run (highest id) first. */
    public RunQuery newestFirst() {
        return orderBy(Field.ID, true);
    }

    /** Skips {@code offset} runs and returns at most {@code limit}. */
    public RunQuery page(long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new AtoConfigException("page(offset, limit) needs offset >= 0 and limit >= 0, got " + offset
                    + ", " + limit);
        }
        this.offset = offset;
        this.limit = limit;
        return this;
    }

    /** Runs the query. */
    public List<Run> list() {
        return store.read("query runs", c -> {
            StringBuilder sql = new StringBuilder("SELECT " + RunRows.COLUMNS);
            List<Binder> all = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                // the sort values are selected under a name, so ORDER BY can say "nulls last" on every database
                sql.append(", ").append(order.get(i).expression()).append(" AS o").append(i);
                if (order.get(i).binder() != null) {
                    all.add(order.get(i).binder());
                }
            }
            sql.append(" FROM experiments e WHERE 1 = 1");
            appendFilters(sql, all);
            List<String> terms = new ArrayList<>();
            if (groupedByStructure) {
                terms.add("COALESCE(e.structural_hash, '')");
            }
            for (int i = 0; i < order.size(); i++) {
                terms.add(store.flavor().orderNamedNullsLast("o" + i, order.get(i).descending()));
            }
            terms.add(idDescending ? "e.id DESC" : "e.id");
            sql.append(" ORDER BY ").append(String.join(", ", terms));
            if (limit >= 0 || offset > 0) {
                sql.append(" LIMIT ").append(limit >= 0 ? limit : Integer.MAX_VALUE).append(" OFFSET ").append(offset);
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, all);
                return rows.list(ps);
            }
        });
    }

    /** How many runs the query's filters match (its order and page do not matter). */
    public long count() {
        return store.read("count runs", c -> {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM experiments e WHERE 1 = 1");
            List<Binder> all = new ArrayList<>();
            appendFilters(sql, all);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * How many of the matching runs have each of these structural hashes ({@code null} for runs without one);
     * hashes no matching run has are left out.
     */
    public Map<String, Long> countByStructure(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        return store.read("count runs by structure", c -> {
            StringBuilder sql = new StringBuilder("SELECT e.structural_hash, COUNT(*) FROM experiments e WHERE 1 = 1");
            List<Binder> all = new ArrayList<>();
            appendFilters(sql, all);
            List<String> named = hashes.stream().filter(Objects::nonNull).distinct().toList();
            sql.append(" AND (").append(hashes.stream().anyMatch(Objects::isNull) ? "e.structural_hash IS NULL" : "1 = 0");
            if (!named.isEmpty()) {
                sql.append(" OR e.structural_hash IN (").append(String.join(", ", Collections.nCopies(named.size(), "?")))
                        .append(')');
                named.forEach(h -> all.add((ps, i) -> ps.setString(i, h)));
            }
            sql.append(") GROUP BY e.structural_hash");
            Map<String, Long> counts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * The dotted config keys whose value differs between the matching runs, or that some of them lack, in the order
     * they first appear (runs by id), at most {@code max}. Only key names leave: values are compared here, and the
     * values at secret keys (by the finder's sanitizer) count as equal, as their masks are.
     */
    public List<String> varyingConfigKeys(int max) {
        return store.read("find the config keys that vary", c -> {
            StringBuilder sql = new StringBuilder("SELECT e.config FROM experiments e WHERE 1 = 1");
            List<Binder> all = new ArrayList<>();
            appendFilters(sql, all);
            sql.append(" ORDER BY e.id");
            Map<String, Object> first = new LinkedHashMap<>();
            Set<String> varying = new HashSet<>();
            Map<String, Boolean> secret = new HashMap<>();
            int runs = 0;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, all);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Object> leaves = new LinkedHashMap<>();
                    while (rs.next()) {
                        leaves.clear();
                        if (PythonJson.read(rs.getString(1)) instanceof Map<?, ?> config) {
                            flatten("", config, leaves);
                        }
                        for (Map.Entry<String, Object> leaf : leaves.entrySet()) {
                            String key = leaf.getKey();
                            if (!first.containsKey(key)) {
                                first.put(key, leaf.getValue());
                                if (runs > 0) {
                                    varying.add(key); // the runs before lack it
                                }
                            } else if (!varying.contains(key) && !Objects.equals(first.get(key), leaf.getValue())
                                    && !secret.computeIfAbsent(key, rows::isSecret)) {
                                varying.add(key);
                            }
                        }
                        if (leaves.size() < first.size()) {
                            first.keySet().stream().filter(k -> !leaves.containsKey(k)).forEach(varying::add);
                        }
                        runs++;
                    }
                }
            }
            return first.keySet().stream().filter(varying::contains).limit(max).toList();
        });
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten(path + ".", child, into);
            } else {
                into.put(path, value);
            }
        });
    }

    private void appendFilters(StringBuilder sql, List<Binder> all) {
        sql.append(where);
        all.addAll(binders);
        if (!statuses.isEmpty()) {
            appendStatuses(sql, all);
        } else {
            sql.append(" AND ").append(RunFinder.LISTED);
        }
    }

    private static void bind(PreparedStatement ps, List<Binder> all) throws SQLException {
        int index = 1;
        for (Binder binder : all) {
            binder.bind(ps, index);
            index += binder instanceof Counted counted ? counted.count() : 1;
        }
    }

    private void appendStatuses(StringBuilder sql, List<Binder> all) {
        Instant cutoff = rows.crashCutoff();
        List<String> terms = new ArrayList<>();
        for (RunStatus status : statuses) {
            switch (status) {
                case RUNNING -> {
                    terms.add("(e.status = 'running' AND (e.heartbeat_at IS NULL OR e.heartbeat_at >= ?))");
                    all.add((ps, i) -> store.flavor().setTime(ps, i, cutoff));
                }
                case CRASHED -> {
                    terms.add("(e.status = 'crashed' OR (e.status = 'running' AND e.heartbeat_at < ?))");
                    all.add((ps, i) -> store.flavor().setTime(ps, i, cutoff));
                }
                default -> terms.add("e.status = '" + status.dbValue() + "'");
            }
        }
        sql.append(" AND (").append(String.join(" OR ", terms)).append(')');
    }

    private RunQuery orderBy(Term term) {
        order.clear();
        order.add(term);
        idDescending = false;
        return this;
    }

    private static Binder bindText(String text) {
        return (ps, i) -> ps.setString(i, text);
    }

    private void and(String condition, Binder binder) {
        where.append(" AND ").append(condition);
        binders.add(binder);
    }

    private void where(String condition, Binder first, int firstCount, Binder second) {
        where.append(" AND ").append(condition);
        binders.add(new Counted(first, firstCount));
        binders.add(second);
    }

    /** A binder that fills several consecutive placeholders. */
    private record Counted(Binder inner, int count) implements Binder {
        @Override
        public void bind(PreparedStatement ps, int index) throws SQLException {
            inner.bind(ps, index);
        }
    }
}
