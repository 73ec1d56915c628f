package dev.ato.tracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Reads metric series in amounts a viewer can hold: per-run summaries (last, min, max) for a whole project,
 * downsampled series that keep each bucket's first, lowest, highest and last point (so the shape and the extremes
 * survive), full resolution inside a step range, and pages of raw rows. Memory per call is bounded by the
 * bucket count or the page size, never by the size of the run: rows are streamed, not collected.
 */
public final class MetricReader {

    /** The largest page of raw rows one call returns. */
    public static final int MAX_PAGE = 10_000;

    /** Runs per query of {@link #summaries(Collection, Collection)}: far below every database's limit of bound values. */
    private static final int SUMMARY_CHUNK = 500;

    /** The most buckets a downsampled series may ask for (each gives at most four points). */
    public static final int MAX_BUCKETS = 5_000;

    private final Database store;
    /** The metrics table's {@code key} column as this database quotes it (backticks on MariaDB). */
    private final String k;

    private MetricReader(Database database) {
        this.store = database;
        this.k = database.flavor().key();
    }

    /** A reader on a database whose schema is already migrated (e.g. {@link RunFinder#database()}). */
    public static MetricReader of(Database database) {
        return new MetricReader(database);
    }

    /** One metric key of one run: how many points, the last logged value, and the lowest and highest value. */
    public record MetricSummary(long runId, String key, long count, double last, double min, double max) {
    }

    /** One metric key of one run: how many points, the step range, and the id of its newest row. */
    public record SeriesExtent(String key, long count, long minStep, long maxStep, long lastId) {
    }

    /**
     * Points of one series in step order: all of them when {@code exact}, otherwise each bucket's first, lowest,
     * highest and last point. {@code count} is the number of stored points in the range.
     */
    public record Series(String key, List<Long> steps, List<Double> values, long count, boolean exact) {
    }

    /** One stored row; {@code id} is the cursor for the next page or poll. */
    public record MetricRow(long id, String key, long step, double value) {
    }

    /** A page of rows after a cursor; {@code more} when the page was full. */
    public record MetricPage(List<MetricRow> rows, long cursor, boolean more) {
    }

    /** Every metric key of every run in the project with its last value (the newest row), lowest and highest. */
    public List<MetricSummary> summaries(String project) {
        return store.read("summarise the metrics of project '" + project + "'", c -> {
            List<MetricSummary> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.run_id, m." + k + ", a.n, m.value, a.lo, a.hi"
                    + " FROM (SELECT run_id, " + k + ", MAX(id) AS last_id, COUNT(*) AS n, MIN(value) AS lo,"
                    + " MAX(value) AS hi FROM metrics WHERE run_id IN (SELECT e.id FROM experiments e"
                    + " JOIN projects p ON p.id = e.project_id WHERE p.name = ?) GROUP BY run_id, " + k + ") a"
                    + " JOIN metrics m ON m.id = a.last_id ORDER BY m.run_id, m." + k)) {
                ps.setString(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new MetricSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), number(rs, 4),
                                number(rs, 5), number(rs, 6)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Like {@link #summaries(String)} for the given runs only (a page of a runs table) and, unless {@code keys} is
     * {@code null}, only these metric keys; by run id and key. The runs are asked for in chunks, so any number fits.
     */
    public List<MetricSummary> summaries(Collection<Long> runIds, Collection<String> keys) {
        List<Long> ids = List.copyOf(runIds);
        List<String> wanted = keys == null ? null : List.copyOf(keys);
        if (ids.isEmpty() || (wanted != null && wanted.isEmpty())) {
            return List.of();
        }
        return store.read("summarise the metrics of " + ids.size() + " runs", c -> {
            List<MetricSummary> found = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += SUMMARY_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + SUMMARY_CHUNK));
                String keyFilter = wanted == null ? ""
                        : " AND " + k + " IN (" + String.join(", ", Collections.nCopies(wanted.size(), "?")) + ")";
                try (PreparedStatement ps = c.prepareStatement("SELECT m.run_id, m." + k + ", a.n, m.value, a.lo, a.hi"
                        + " FROM (SELECT run_id, " + k + ", MAX(id) AS last_id, COUNT(*) AS n, MIN(value) AS lo,"
                        + " MAX(value) AS hi FROM metrics WHERE run_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")" + keyFilter
                        + " GROUP BY run_id, " + k + ") a JOIN metrics m ON m.id = a.last_id ORDER BY m.run_id, m." + k)) {
                    int i = 1;
                    for (long id : chunk) {
                        ps.setLong(i++, id);
                    }
                    if (wanted != null) {
                        for (String key : wanted) {
                            ps.setString(i++, key);
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new MetricSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), number(rs, 4),
                                    number(rs, 5), number(rs, 6)));
                        }
                    }
                }
            }
            found.sort(Comparator.comparingLong(MetricSummary::runId).thenComparing(MetricSummary::key));
            return found;
        });
    }

    /** The run's metric keys with their point counts and step ranges, by key. */
    public List<SeriesExtent> extents(long runId) {
        return store.read("read the metric keys of run " + runId, c -> {
            List<SeriesExtent> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + k + ", COUNT(*), MIN(step), MAX(step), MAX(id)"
                    + " FROM metrics WHERE run_id = ? GROUP BY " + k + " ORDER BY " + k)) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new SeriesExtent(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5)));
                    }
                }
            }
            return found;
        });
    }

    /**
     * One series between two steps (inclusive; {@code null} for open ends): every point when there are at most
     * {@code 4 * buckets}, otherwise the first, lowest, highest and last point of each of {@code buckets} equal
     * step ranges.
     */
    public Series series(long runId, String key, Long fromStep, Long toStep, int buckets) {
        if (buckets < 1 || buckets > MAX_BUCKETS) {
            throw new IllegalArgumentException("buckets must be 1.." + MAX_BUCKETS + ", got " + buckets);
        }
        long from = fromStep == null ? Long.MIN_VALUE : fromStep;
        long to = toStep == null ? Long.MAX_VALUE : toStep;
        return store.read("read metric '" + key + "' of run " + runId, c -> {
            long count;
            long lo;
            long hi;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(step), MAX(step) FROM metrics"
                    + " WHERE run_id = ? AND " + k + " = ? AND step >= ? AND step <= ?")) {
                bind(ps, runId, key, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                    lo = rs.getLong(2);
                    hi = rs.getLong(3);
                }
            }
            Buckets sink = count <= 4L * buckets ? new Buckets(0, lo, hi) : new Buckets(buckets, lo, hi);
            stream(c, "SELECT step, value FROM metrics WHERE run_id = ? AND " + k + " = ? AND step >= ? AND step <= ?"
                    + " ORDER BY step", ps -> bind(ps, runId, key, from, to), rs -> sink.add(rs.getLong(1),
                    number(rs, 2)));
            return sink.series(key, count);
        });
    }

    /** Up to {@code limit} rows after row id {@code afterId} in id order, of one key or (when {@code null}) all. */
    public MetricPage page(long runId, String key, long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", got " + limit);
        }
        return store.read("read metric rows of run " + runId, c -> {
            List<MetricRow> rows = new ArrayList<>(Math.min(limit, 1024));
            String sql = "SELECT id, " + k + ", step, value FROM metrics WHERE run_id = ? AND id > ?"
                    + (key == null ? "" : " AND " + k + " = ?") + " ORDER BY id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, runId);
                ps.setLong(i++, afterId);
                if (key != null) {
                    ps.setString(i++, key);
                }
                ps.setInt(i, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && rows.size() < limit + 1) {
                        rows.add(new MetricRow(rs.getLong(1), rs.getString(2), rs.getLong(3), number(rs, 4)));
                    }
                }
            }
            boolean more = rows.size() > limit;
            if (more) {
                rows.remove(rows.size() - 1);
            }
            long cursor = rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id();
            return new MetricPage(rows, cursor, more);
        });
    }

    private static void bind(PreparedStatement ps, long runId, String key, long from, long to) throws SQLException {
        ps.setLong(1, runId);
        ps.setString(2, key);
        ps.setLong(3, from);
        ps.setLong(4, to);
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs a query row by row: PostgreSQL and MariaDB stream only inside a transaction with a fetch size. */
    private static void stream(Connection c, String sql, Binder binder, RowSink sink) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(4096);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        } finally {
            c.rollback(); // read-only: nothing to keep, and the connection goes back to the pool clean
            c.setAutoCommit(autoCommit);
        }
    }

    /** A stored value as a double; NULL and text that is no number (Python ato may write 'NaN') are NaN. */
    private static double number(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Collects points into equal step ranges keeping, per range, the first, lowest, highest and last point (M4
     * downsampling: a line drawn through them has the same pixels as one through every point); with no ranges it
     * keeps every point.
     */
    private static final class Buckets {

        private final int buckets;
        private final long lo;
        private final double width;
        private final List<Long> steps = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();
        private int current = -1;
        private long firstStep;
        private double firstValue;
        private long minStep;
        private double minValue;
        private long maxStep;
        private double maxValue;
        private long lastStep;
        private double lastValue;

        Buckets(int buckets, long lo, long hi) {
            this.buckets = buckets;
            this.lo = lo;
            this.width = buckets == 0 ? 1 : ((double) hi - lo + 1) / buckets;
        }

        void add(long step, double value) {
            if (buckets == 0) {
                steps.add(step);
                values.add(value);
                return;
            }
            int bucket = (int) Math.min(buckets - 1, (long) ((step - (double) lo) / width));
            if (bucket != current) {
                flush();
                current = bucket;
                firstStep = minStep = maxStep = lastStep = step;
                firstValue = lastValue = value;
                minValue = Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
                maxValue = Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
                return;
            }
            if (value < minValue) {
                minValue = value;
                minStep = step;
            }
            if (value > maxValue) {
                maxValue = value;
                maxStep = step;
            }
            lastStep = step;
            lastValue = value;
        }

        private void flush() {
            if (current < 0) {
                return;
            }
            emit(firstStep, firstValue);
            if (minStep <= maxStep) {
                emit(minStep, minValue);
                emit(maxStep, maxValue);
            } else {
                emit(maxStep, maxValue);
                emit(minStep, minValue);
            }
            emit(lastStep, lastValue);
        }

        private void emit(long step, double value) {
            int last = steps.size() - 1;
            if (last >= 0 && steps.get(last) == step) {
                return; // the same point chosen twice (first was also the minimum, ...)
            }
            steps.add(step);
            values.add(value);
        }

        Series series(String key, long count) {
            flush();
            current = -1;
            return new Series(key, steps, values, count, buckets == 0);
        }
    }
}
