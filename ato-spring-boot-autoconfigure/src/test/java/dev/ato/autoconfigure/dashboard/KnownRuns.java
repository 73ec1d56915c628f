package dev.ato.autoconfigure.dashboard;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.Schedule;
import dev.ato.hyperopt.SearchSpace;
import dev.ato.hyperopt.Searches;
import dev.ato.scope.Scope;
import dev.ato.scope.ViewOptions;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.Tracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A real SQLite tracker file with known runs in project {@value #PROJECT}: a completed baseline with 50 loss and 50
 * accuracy points, an artifact file, fingerprints and recorded origins; a failed run differing only in {@code lr};
 * a killed run of another structure holding markup in a config value and a tag; and a crashed run. Project
 * {@value #SEARCH_PROJECT} holds a finished HyperBand search over 4 learning rates and 2 models; project
 * {@value #ODD_PROJECT} one run whose config holds a password.
 */
record KnownRuns(Path database, long baseline, long tuned, long hostile, long crashed, long odd, long long_, String searchId) {

    static final String PROJECT = "vision";
    static final String SEARCH_PROJECT = "search-demo";
    /** A project name no path segment could carry: a slash, a space and non-ASCII letters. */
    static final String ODD_PROJECT = "team/vision ü 実験";
    static final String SECRET = "hunter2-s3cr3t";
    /** A project of {@value #MANY} runs, each with a {@code score} whose last value is {@link #score(int)}. */
    static final String MANY_PROJECT = "sweep of 10k";
    static final int MANY = 10_000;
    static final String SCRIPT = "<script>alert(1)</script>";
    static final int BASELINE_POINTS = 50;
    static final int TUNED_POINTS = 30;
    /** Points of the long run: a smooth curve with one spike ({@value #SPIKE} at step {@value #SPIKE_STEP}). */
    static final int LONG_POINTS = 20_000;
    static final double SPIKE = 100.0;
    static final int SPIKE_STEP = 12_345;

    String jdbcUrl() {
        return "jdbc:sqlite:" + database;
    }

    static KnownRuns create(Path directory) throws IOException {
        Path database = directory.resolve("experiments.db");
        Path weights = directory.resolve("weights.bin");
        Files.write(weights, new byte[2048]);
        try (Tracker tracker = Tracker.open("jdbc:sqlite:" + database)) {
            Scope scope = new Scope("config", ADict.of(Map.of("lr", 0.1, "optimizer", "sgd",
                    "model", Map.of("name", "resnet", "depth", 50))));
            scope.observe("deep", ViewOptions.defaults(), c -> c.set("model.depth", 101));
            var resolution = scope.resolve(List.of("deep", "lr=0.1"));
            long baseline;
            try (RunHandle run = tracker.start(PROJECT, resolution.config(), "baseline")) {
                baseline = run.id();
                for (int step = 0; step < BASELINE_POINTS; step++) {
                    run.logMetrics(Map.of("loss", 1.0 / (step + 1), "accuracy", step / 50.0), step);
                }
                run.logArtifact(weights.toString(), "model", Map.of("epoch", 3));
                run.fingerprint("train", "static", "abc123");
                RecordedOrigins.record(run, resolution);
            }
            long tuned;
            try (RunHandle run = tracker.start(PROJECT, config(0.01), "tuned")) {
                tuned = run.id();
                for (int step = 0; step < TUNED_POINTS; step++) {
                    run.logMetric("loss", 2.0 / (step + 1), step);
                }
                run.finish(RunStatus.FAILED);
            }
            long hostile;
            try (RunHandle run = tracker.start(PROJECT, ADict.of(Map.of("lr", 0.001, "optimizer", "adam",
                    "note", SCRIPT)), "<b>bold</b>")) {
                hostile = run.id();
                run.logArtifact("<img src=x onerror=alert(2)>.txt", "text", null);
                run.finish(RunStatus.KILLED);
            }
            long odd;
            try (RunHandle run = tracker.start(ODD_PROJECT, ADict.of(Map.of("lr", 0.2, "db",
                    Map.of("password", SECRET, "host", "db.local"))), "odd")) {
                odd = run.id();
                run.logMetric("loss", 0.5, 0);
            }
            long longRun;
            try (RunHandle run = tracker.start("long", ADict.of(Map.of("lr", 0.3)), "long")) {
                longRun = run.id();
                for (int step = 0; step < LONG_POINTS; step++) {
                    run.logMetric("loss", step == SPIKE_STEP ? SPIKE : 1.0 + Math.sin(step / 1000.0), step);
                }
            }
            long crashed;
            try (RunHandle run = tracker.start(PROJECT, config(0.05), "tuned")) {
                crashed = run.id();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                 Statement s = c.createStatement()) {
                // a process that died without a word: still running, heartbeat long ago
                s.executeUpdate("UPDATE experiments SET status = 'running', end_time = NULL,"
                        + " heartbeat_at = '2020-01-01 00:00:00.000000' WHERE id = " + crashed);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            many("jdbc:sqlite:" + database);
            return new KnownRuns(database, baseline, tuned, hostile, crashed, odd, longRun, search("jdbc:sqlite:" + database));
        }
    }

    /**
     * The last {@code score} of the {@code i}-th run of {@value #MANY_PROJECT} (0-based): every value once, in an
     * order unrelated to the run ids (7,919 is prime, so {@code i * 7919 mod 10,000} is a permutation).
     */
    static double score(int i) {
        return (i * 7919L % MANY) / (double) MANY;
    }

    /**
     * {@value #MANY} runs in one transaction of plain SQL (the tracker would take a minute): run {@code i} logs
     * {@code score} {@code 1 - score(i)} at step 0 and {@link #score(int)} at step 1.
     */
    private static void many(String url) {
        try (Tracker tracker = Tracker.open(url);
             RunHandle seed = tracker.start(MANY_PROJECT, ADict.of(Map.of("lr", 0.5, "seed", -1)))) {
            seed.finish(RunStatus.COMPLETED); // creates the project; its first run has no score
        }
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            long project;
            try (var rs = c.createStatement().executeQuery("SELECT id FROM projects WHERE name = '" + MANY_PROJECT + "'")) {
                rs.next();
                project = rs.getLong(1);
            }
            try (var ps = c.prepareStatement("INSERT INTO experiments (project_id, config, structural_hash, tags, status,"
                    + " start_time, end_time) VALUES (?, ?, 'many', '[\"sweep\"]', 'completed',"
                    + " '2026-12-01 10:00:00.000000', '2026-12-01 10:00:00.250000')")) {
                for (int i = 0; i < MANY; i++) {
                    ps.setLong(1, project);
                    ps.setString(2, "{\"lr\": " + (0.001 * (1 + i % 7)) + ", \"seed\": " + i + "}");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            List<Long> ids = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT id FROM experiments WHERE project_id = " + project
                    + " AND structural_hash = 'many' ORDER BY id")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            try (var ps = c.prepareStatement("INSERT INTO metrics (run_id, \"key\", value, step) VALUES (?, 'score', ?, ?)")) {
                for (int i = 0; i < MANY; i++) {
                    for (int step = 0; step < 2; step++) {
                        ps.setLong(1, ids.get(i));
                        ps.setDouble(2, step == 0 ? 1 - score(i) : score(i));
                        ps.setInt(3, step);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ids of {@value #MANY_PROJECT}'s scored runs, in the order of {@code i}. */
    static List<Long> manyIds(String url) throws SQLException {
        List<Long> ids = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url);
             var rs = c.createStatement().executeQuery("SELECT e.id FROM experiments e JOIN projects p"
                     + " ON p.id = e.project_id WHERE p.name = '" + MANY_PROJECT + "' AND e.structural_hash = 'many'"
                     + " ORDER BY e.id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static String search(String url) {
        SearchSpace space = SearchSpace.builder().floats("lr", 0.1, 0.4, 4).categories("model", List.of("a", "b"))
                .build();
        try (Searches searches = Searches.open(url)) {
            String id = searches.start(SEARCH_PROJECT, new HyperBand(space, 0.5, 2, Mode.MAX), Schedule.SYNCHRONOUS,
                    new ADict());
            searches.work(id, c -> c.getDouble("lr") * (1 + c.getInt(HyperBand.NUM_HALVED))
                    + ("b".equals(c.getString("model")) ? 0.05 : 0.0));
            return id;
        }
    }

    static ADict config(double lr) {
        return ADict.of(Map.of("lr", lr, "optimizer", "sgd", "model", Map.of("name", "resnet", "depth", 101)));
    }
}
