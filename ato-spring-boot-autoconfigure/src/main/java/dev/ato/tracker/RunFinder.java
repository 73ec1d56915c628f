package dev.ato.tracker;

import dev.ato.Mode;
import dev.ato.sanitize.Sanitizer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads runs back: Python ato's finder queries ({@link #runsInProject}, {@link #findRun}, {@link #findBestRun},
 * {@link #findSimilarRuns}, {@link #findSimilarRunsByTrace}, {@link #traceStatistics}) and a typed
 * {@link #query()} builder. Missing things are typed answers ({@link Optional}, {@link BestRun}), not exceptions.
 * Project queries leave out {@link RunStatus#SUPERSEDED} runs; {@link #findRun} still finds one by its id.
 * Configs come back through a {@link Sanitizer} ({@link Sanitizer#defaults()} unless given): secrets are masked.
 */
public final class RunFinder implements AutoCloseable {

    /** The runs project queries show: all but the superseded runs of a search's stale workers (by id they remain). */
    static final String LISTED = "(e.status IS NULL OR e.status <> 'superseded')";

    private final RunStore store;
    private final RunRows rows;
    private final Database ownedDatabase;

    private RunFinder(Database database, boolean owned, Duration crashGrace, Sanitizer sanitizer) {
        this.store = new RunStore(database);
        this.rows = new RunRows(store.flavor(), crashGrace, sanitizer);
        this.ownedDatabase = owned ? database : null;
    }

    /** Opens the database at a JDBC URL, migrating the schema first (a Python ato database is adopted). */
    public static RunFinder open(String jdbcUrl) {
        return open(jdbcUrl, TrackerOptions.defaults().crashGrace());
    }

    /** Like {@link #open(String)}, with the heartbeat age after which a running run is reported crashed. */
    public static RunFinder open(String jdbcUrl, Duration crashGrace) {
        return open(jdbcUrl, crashGrace, Sanitizer.defaults());
    }

    /** Like {@link #open(String, Duration)}; the configs and end reasons it returns pass {@code sanitizer}. */
    public static RunFinder open(String jdbcUrl, Duration crashGrace, Sanitizer sanitizer) {
        Database database = Database.open(jdbcUrl);
        try {
            TrackerSchema.migrate(database);
            return new RunFinder(database, true, crashGrace, sanitizer);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A finder on a DataSource whose schema is already migrated (e.g. by Spring Boot's Flyway). */
    public static RunFinder create(DataSource dataSource) {
        return create(dataSource, TrackerOptions.defaults().crashGrace());
    }

    /** Like {@link #create(DataSource)} with a crash grace period. */
    public static RunFinder create(DataSource dataSource, Duration crashGrace) {
        return create(Database.of(dataSource), crashGrace, Sanitizer.defaults());
    }

    /**
     * Like {@link #create(DataSource, Duration)}, with the sanitizer the configs and end reasons it returns pass
     * ({@code null} returns them as stored).
     */
    public static RunFinder create(DataSource dataSource, Duration crashGrace, Sanitizer sanitizer) {
        return create(Database.of(dataSource), crashGrace, sanitizer);
    }

    /** A finder on a migrated database; not closed by it. */
    public static RunFinder create(Database database, Duration crashGrace) {
        return create(database, crashGrace, Sanitizer.defaults());
    }

    /** A finder on a migrated database whose returned configs pass the sanitizer; not closed by it. */
    public static RunFinder create(Database database, Duration crashGrace, Sanitizer sanitizer) {
        return new RunFinder(database, false, crashGrace, sanitizer);
    }

    /** The runs of a project, by id; empty when there is no such project (as in Python ato). */
    public List<Run> runsInProject(String project) {
        return store.read("list the runs of project '" + project + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM experiments e"
                    + " JOIN projects p ON p.id = e.project_id WHERE p.name = ? AND " + LISTED + " ORDER BY e.id")) {
                ps.setString(1, project);
                return rows.list(ps);
            }
        });
    }

    /** One run by id. */
    public Optional<Run> findRun(long runId) {
        return store.read("read run " + runId, c -> findRun(c, runId));
    }

    private Optional<Run> findRun(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + RunRows.COLUMNS + " FROM experiments e WHERE e.id = ?")) {
            ps.setLong(1, runId);
            return rows.list(ps).stream().findFirst();
        }
    }

    /**
     * The run of a project with the best value of a metric (highest for {@link Mode#MAX}, lowest for
     * {@link Mode#MIN}; NaN values never win), or why there is none.
     */
    public BestRun findBestRun(String project, String metricKey, Mode mode) {
        return store.read("find the best run by '" + metricKey + "'", c -> {
            OptionalLong projectId = projectId(c, project);
            if (projectId.isEmpty()) {
                return new BestRun.ProjectNotFound(project);
            }
            SqlFlavor flavor = store.flavor();
            try (PreparedStatement ps = c.prepareStatement("SELECT m.run_id, m.value FROM metrics m"
                    + " JOIN experiments e ON e.id = m.run_id WHERE e.project_id = ? AND " + LISTED
                    + " AND m." + flavor.key() + " = ? AND "
                    + flavor.isNumber("m.value") + " ORDER BY m.value " + (mode == Mode.MAX ? "DESC" : "ASC")
                    + " LIMIT 1")) {
                ps.setLong(1, projectId.getAsLong());
                ps.setString(2, metricKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new BestRun.NoRunWithMetric(project, metricKey);
                    }
                    long runId = rs.getLong(1);
                    double value = flavor.metricValue(rs.getObject(2));
                    return findRun(c, runId).<BestRun>map(run -> new BestRun.Found(run, value))
                            .orElse(new BestRun.NoRunWithMetric(project, metricKey));
                }
            }
        });
    }

    /** Other runs of the same project with the same config structure (structural hash), by id. */
    public List<Run> findSimilarRuns(long runId) {
        return similar(runId, true);
    }

    /** Other runs of any project with the same config structure: what Python ato's {@code find_similar_runs} returns. */
    public List<Run> findSimilarRunsInAllProjects(long runId) {
        return similar(runId, false);
    }

    private List<Run> similar(long runId, boolean sameProject) {
        return store.read("find runs similar to " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM experiments e"
                    + " JOIN experiments r ON r.id = ? WHERE e.structural_hash = r.structural_hash AND e.id <> r.id"
                    + " AND " + LISTED
                    + (sameProject ? " AND e.project_id = r.project_id" : "") + " ORDER BY e.id")) {
                ps.setLong(1, runId);
                return rows.list(ps);
            }
        });
    }

    /**
     * Other runs (of any project, as in Python ato) that recorded the same fingerprint as this run for a trace id and
     * type, by id; empty when this run has no such fingerprint.
     */
    public List<Run> findSimilarRunsByTrace(long runId, String traceId, String traceType) {
        return store.read("find runs with the same trace '" + traceId + "' as " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM experiments e"
                    + " WHERE e.id <> ? AND " + LISTED
                    + " AND e.id IN (SELECT f.run_id FROM fingerprints f JOIN fingerprints mine"
                    + " ON mine.fingerprint = f.fingerprint AND mine.trace_id = f.trace_id"
                    + " AND mine.trace_type = f.trace_type WHERE mine.run_id = ? AND mine.trace_id = ?"
                    + " AND mine.trace_type = ?) ORDER BY e.id")) {
                ps.setLong(1, runId);
                ps.setLong(2, runId);
                ps.setString(3, traceId);
                ps.setString(4, traceType);
                return rows.list(ps);
            }
        });
    }

    /** How many distinct static and runtime fingerprints a project's runs have for a trace; empty without the project. */
    public Optional<TraceStatistics> traceStatistics(String project, String traceId) {
        return store.read("count versions of trace '" + traceId + "'", c -> {
            if (projectId(c, project).isEmpty()) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT"
                    + " COUNT(DISTINCT CASE WHEN f.trace_type = 'static' THEN f.fingerprint END),"
                    + " COUNT(DISTINCT CASE WHEN f.trace_type = 'runtime' THEN f.fingerprint END)"
                    + " FROM fingerprints f JOIN experiments e ON e.id = f.run_id JOIN projects p ON p.id = e.project_id"
                    + " WHERE p.name = ? AND f.trace_id = ?")) {
                ps.setString(1, project);
                ps.setString(2, traceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new TraceStatistics(project, traceId, rs.getLong(1), rs.getLong(2)));
                }
            }
        });
    }

    /** Every metric value of a run, by key and step. */
    public List<MetricPoint> metrics(long runId) {
        return store.read("read the metrics of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + store.flavor().key() + ", value, step, timestamp FROM metrics"
                    + " WHERE run_id = ? ORDER BY " + store.flavor().key() + ", step, id")) {
                ps.setLong(1, runId);
                List<MetricPoint> points = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(new MetricPoint(rs.getString(1), store.flavor().getMetricValue(rs, "value"),
                                rs.getLong(3), store.flavor().getTime(rs, "timestamp")));
                    }
                }
                return points;
            }
        });
    }

    /** The artifacts a run recorded, in the order they were logged. */
    public List<StoredArtifact> artifacts(long runId) {
        return store.read("read the artifacts of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT path, data_type, data_info, size_bytes, sha256"
                    + " FROM artifacts WHERE run_id = ? ORDER BY id")) {
                ps.setLong(1, runId);
                List<StoredArtifact> artifacts = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long size = rs.getLong(4);
                        artifacts.add(new StoredArtifact(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.wasNull() ? null : size, rs.getString(5)));
                    }
                }
                return artifacts;
            }
        });
    }

    /** The code fingerprints a run recorded, in the order they were logged. */
    public List<StoredFingerprint> fingerprints(long runId) {
        return store.read("read the fingerprints of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT trace_id, trace_type, fingerprint"
                    + " FROM fingerprints WHERE run_id = ? ORDER BY id")) {
                ps.setLong(1, runId);
                List<StoredFingerprint> fingerprints = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fingerprints.add(new StoredFingerprint(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return fingerprints;
            }
        });
    }

    /**
     * The metric keys the runs of a project logged, sorted; empty for an unknown project. The database's distinct
     * keys are walked one index seek each (a loose index scan), and each is kept when a run of the project has it:
     * a {@code DISTINCT} over the project's rows read every point (3 s for 6 million points on SQLite).
     */
    public List<String> metricKeys(String project) {
        String k = store.flavor().key();
        return store.database().query("list the metrics of project '" + project + "'", jdbc -> jdbc.sql(
                        "WITH RECURSIVE keys_(name) AS (SELECT MIN(" + k + ") FROM metrics UNION ALL"
                        + " SELECT (SELECT MIN(" + k + ") FROM metrics WHERE " + k + " > keys_.name) FROM keys_"
                        + " WHERE keys_.name IS NOT NULL)"
                        + " SELECT name FROM keys_ WHERE name IS NOT NULL AND EXISTS (SELECT 1 FROM metrics m"
                        + " JOIN experiments e ON e.id = m.run_id JOIN projects p ON p.id = e.project_id"
                        + " WHERE m." + k + " = keys_.name AND p.name = ?) ORDER BY name")
                .param(project).query(String.class).list());
    }

    /** Every project with its description and number of runs, by name. */
    public List<ProjectSummary> projects() {
        return store.database().query("list the projects", jdbc -> jdbc.sql("SELECT p.name, p.description,"
                        + " COUNT(e.id) FROM projects p LEFT JOIN experiments e ON e.project_id = p.id AND " + LISTED
                        + " GROUP BY p.id, p.name, p.description ORDER BY p.name")
                .query((rs, i) -> new ProjectSummary(rs.getString(1), rs.getString(2), rs.getLong(3))).list());
    }

    /** The project names, sorted. */
    public List<String> projectNames() {
        return store.database().query("list the project names", jdbc ->
                jdbc.sql("SELECT name FROM projects ORDER BY name").query(String.class).list());
    }

    /** The name of the project with this id. */
    public Optional<String> projectName(long projectId) {
        return store.database().query("read project " + projectId, jdbc ->
                jdbc.sql("SELECT name FROM projects WHERE id = ?").param(projectId).query(String.class).optional());
    }

    /** A run's metric rows stored after row {@code afterId}, in the order they were stored (for live charts). */
    public List<StoredMetric> metricsAfter(long runId, long afterId) {
        SqlFlavor flavor = store.flavor();
        return store.database().query("read the new metrics of run " + runId, jdbc -> jdbc.sql("SELECT id, "
                        + flavor.key() + ", step, value FROM metrics WHERE run_id = ? AND id > ? ORDER BY id")
                .param(runId).param(afterId)
                .query((rs, i) -> new StoredMetric(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        flavor.metricValue(rs.getObject(4)))).list());
    }

    /** The database this finder reads (for the search tables of the same database). */
    public Database database() {
        return store.database();
    }

    /** A new query over all runs: add filters, an order and a page, then call {@link RunQuery#list()}. */
    public RunQuery query() {
        return new RunQuery(store, rows);
    }

    /** Closes the connection pool when the finder opened it. */
    @Override
    public void close() {
        if (ownedDatabase != null) {
            ownedDatabase.close();
        }
    }

    private static OptionalLong projectId(Connection c, String project) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM projects WHERE name = ?")) {
            ps.setString(1, project);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }
}
