package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.Mode;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A typed query over runs, from {@link RunFinder#query()}: filters (project, status, tags, start time, config
 * values), an order (by a metric's best or last value, else by id) and a page. Each call narrows the query;
 * {@link #list()} runs it.
 *
 * <pre>{@code
 * finder.query().project("vision").status(RunStatus.COMPLETED).tag("baseline")
 *       .config("lr", ConfigComparison.LT, 0.01)
 *       .orderByBest("val_acc", Mode.MAX).page(0, 20).list();
 * }</pre>
 */
public final class RunQuery {

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
    private String orderBy = "e.id";
    private final List<Binder> orderBinders = new ArrayList<>();
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
    public RunQuery startedBetween(@Nullable Instant from, @Nullable Instant until) {
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
    public RunQuery config(String dottedPath, ConfigComparison comparison, @Nullable Object value) {
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
        return orderBy("(SELECT " + (mode == Mode.MAX ? "MAX" : "MIN") + "(m.value) FROM metrics m WHERE m.run_id = e.id"
                + " AND m." + store.flavor().key() + " = ? AND " + store.flavor().isNumber("m.value") + ")", metricKey, mode);
    }

    /** Orders by each run's value of a metric at its highest step (best first by {@code mode}); runs without it last. */
    public RunQuery orderByLast(String metricKey, Mode mode) {
        return orderBy("(SELECT m.value FROM metrics m WHERE m.run_id = e.id AND m." + store.flavor().key() + " = ? AND "
                + store.flavor().isNumber("m.value") + " ORDER BY m.step DESC, m.id DESC LIMIT 1)", metricKey, mode);
    }

    /** Orders the newest run (highest id) first. */
    public RunQuery newestFirst() {
        orderBy = "e.id DESC";
        orderBinders.clear();
        return this;
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
            StringBuilder sql = new StringBuilder("SELECT " + RunRows.COLUMNS + " FROM experiments e WHERE 1 = 1");
            sql.append(where);
            List<Binder> all = new ArrayList<>(binders);
            if (!statuses.isEmpty()) {
                appendStatuses(sql, all);
            } else {
                sql.append(" AND ").append(RunFinder.LISTED);
            }
            sql.append(" ORDER BY ").append(orderBy).append(orderBy.startsWith("e.id") ? "" : ", e.id");
            all.addAll(orderBinders);
            if (limit >= 0 || offset > 0) {
                sql.append(" LIMIT ").append(limit >= 0 ? limit : Integer.MAX_VALUE).append(" OFFSET ").append(offset);
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int index = 1;
                for (Binder binder : all) {
                    binder.bind(ps, index);
                    index += binder instanceof Counted counted ? counted.count() : 1;
                }
                return rows.list(ps);
            }
        });
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

    private RunQuery orderBy(String expression, String metricKey, Mode mode) {
        orderBy = store.flavor().orderNullsLast(expression, mode == Mode.MAX);
        orderBinders.clear();
        orderBinders.add((ps, i) -> ps.setString(i, metricKey));
        return this;
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
