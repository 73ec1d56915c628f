package dev.ato.tracker;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tracker on a real SQLite file: run states, metrics, artifacts, fingerprints and the settings it applies. */
class TrackerTest {

    @TempDir
    Path dir;
    private String url;
    private Tracker tracker;
    private RunFinder finder;

    @BeforeEach
    void open() {
        url = "jdbc:sqlite:" + dir.resolve("experiments.db");
        tracker = Tracker.open(url);
        finder = RunFinder.open(url);
    }

    @AfterEach
    void close() {
        tracker.close();
        finder.close();
    }

    private static ADict config(double lr) {
        return ADict.of(Map.of("lr", lr, "model", Map.of("name", "resnet", "depth", 50)));
    }

    @Test
    void aClosedRunIsCompletedWithItsConfigHashTagsAndMetrics() {
        long id;
        try (RunHandle run = tracker.start("vision", config(0.1), "baseline", "ü")) {
            id = run.id();
            run.logMetric("loss", 2.5, 0);
            run.logMetrics(Map.of("loss", 1.5, "acc", 0.75), 1);
        }
        Run run = finder.findRun(id).orElseThrow();
        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.runStatus()).contains(RunStatus.COMPLETED);
        assertThat(run.config()).isEqualTo(config(0.1));
        assertThat(run.structuralHash()).isEqualTo(config(0.1).structuralHash());
        assertThat(run.tags()).containsExactly("baseline", "ü");
        assertThat(run.endTime()).isAfterOrEqualTo(run.startTime());
        assertThat(finder.metrics(id)).extracting(MetricPoint::key, MetricPoint::value, MetricPoint::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acc", 0.75, 1L),
                        org.assertj.core.groups.Tuple.tuple("loss", 2.5, 0L),
                        org.assertj.core.groups.Tuple.tuple("loss", 1.5, 1L));
    }

    @Test
    void aRecordedFailureEndsTheRunFailedWithTheReason() {
        RunHandle run = tracker.start("vision", config(0.1));
        run.recordFailure(new IllegalStateException("diverged"));
        run.close();
        Run stored = finder.findRun(run.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo("failed");
        assertThat(stored.endReason()).isEqualTo("java.lang.IllegalStateException: diverged");
        assertThatThrownBy(() -> run.logMetric("x", 1, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run " + run.id() + " has ended (failed)");
    }

    @Test
    void aRunBodyThatThrowsEndsFailedAndTheExceptionPropagates() {
        assertThatThrownBy(() -> tracker.run("vision", config(0.1), List.of(), run -> {
            run.logMetric("loss", 1, 0);
            throw new ArithmeticException("nan loss");
        })).isInstanceOf(ArithmeticException.class);
        Run stored = finder.runsInProject("vision").get(0);
        assertThat(stored.status()).isEqualTo("failed");
        assertThat(finder.metrics(stored.id())).hasSize(1);
    }

    @Test
    void finishIsFinalAndRunningIsNotAnEnd() {
        RunHandle run = tracker.start("vision", config(0.1));
        assertThatThrownBy(() -> run.finish(RunStatus.RUNNING)).isInstanceOf(AtoConfigException.class);
        run.finish(RunStatus.KILLED);
        run.close();
        assertThat(finder.findRun(run.id()).orElseThrow().status()).isEqualTo("killed");
        assertThat(run.endStatus()).isEqualTo(RunStatus.KILLED);
    }

    @Test
    void closingTheTrackerEndsOpenRunsKilled() {
        RunHandle run = tracker.start("vision", config(0.1));
        run.logMetric("loss", 1, 0);
        tracker.close();
        Run stored = finder.findRun(run.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo("killed");
        assertThat(stored.endReason()).contains("tracker was closed");
        assertThat(finder.metrics(run.id())).hasSize(1);
    }

    @Test
    void flushMakesMetricsVisibleToAnotherConnection() throws Exception {
        RunHandle run = tracker.start("vision", config(0.1));
        for (int i = 0; i < 5_000; i++) {
            run.logMetric("loss", 1.0 / (i + 1), i);
        }
        run.flush();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM metrics WHERE run_id = " + run.id())) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(5_000);
        }
        run.close();
    }

    @Test
    void metricsAreWrittenWithinAFlushIntervalWithoutAnyCall() throws Exception {
        RunHandle run = tracker.start("vision", config(0.1));
        run.logMetric("loss", 1, 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (finder.metrics(run.id()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(finder.metrics(run.id())).hasSize(1);
        run.close();
    }

    @Test
    void anArtifactFileGetsItsSizeAndSha256() throws Exception {
        Path file = dir.resolve("model.bin");
        byte[] bytes = "weights".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        try (RunHandle run = tracker.start("vision", config(0.1))) {
            Map<String, Object> metadata = new java.util.LinkedHashMap<>();
            metadata.put("epoch", 3);
            metadata.put("size_mb", 97.8);
            run.logArtifact(file.toString(), "model", metadata);
            run.logArtifact("s3://bucket/x.pt", "model", null);
            run.fingerprint("train_step", "static", "abc123");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT path, data_type, data_info, size_bytes, sha256, typeof(data_info)"
                     + " FROM artifacts ORDER BY id")) {
            rs.next();
            assertThat(rs.getString("data_info")).isEqualTo("{\"epoch\": 3, \"size_mb\": 97.8}");
            assertThat(rs.getLong("size_bytes")).isEqualTo(bytes.length);
            assertThat(rs.getString("sha256")).isEqualTo(
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            rs.next();
            assertThat(rs.getString("path")).isEqualTo("s3://bucket/x.pt");
            assertThat(rs.getString(6)).as("metadata null is SQL NULL, not 'null' (deviation)").isEqualTo("null");
            assertThat(rs.getObject("size_bytes")).isNull();
        }
    }

    @Test
    void sqliteRunsInWalModeWithForeignKeys() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
        RunHandle run = tracker.start("vision", config(0.1));
        run.fingerprint("t", "static", "h");
        assertThatThrownBy(() -> new RunStore(Database.open(url)).insertFingerprint(987_654, "t", "static", "h"))
                .hasMessageContaining("FOREIGN KEY");
        run.close();
    }

    @Test
    void aDatabasePythonAtoCreatedIsAdoptedWithNothingLost() throws Exception {
        Path copy = PythonSampleDatabase.copyInto(dir);
        String pythonUrl = "jdbc:sqlite:" + copy;
        try (Tracker onPython = Tracker.open(pythonUrl); RunFinder pythonFinder = RunFinder.open(pythonUrl)) {
            assertThat(pythonFinder.runsInProject("vision")).hasSize(4);
            try (RunHandle run = onPython.start("vision", config(0.3), "ato")) {
                run.logMetric("val_acc", 0.99, 0);
            }
            assertThat(pythonFinder.runsInProject("vision")).hasSize(5);
            BestRun best = pythonFinder.findBestRun("vision", "val_acc", Mode.MAX);
            assertThat(((BestRun.Found) best).run().tags()).containsExactly("ato");
        }
        try (Connection c = DriverManager.getConnection(pythonUrl); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM metrics");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(28);
            rs = st.executeQuery("SELECT version, type FROM ato_schema_history ORDER BY installed_rank");
            rs.next();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("1 BASELINE");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("2");
        }
    }

    @Test
    void theFactoriesForSpringWorkOnAPlainDataSource() throws Exception {
        org.sqlite.SQLiteDataSource plain = new org.sqlite.SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + dir.resolve("spring.db"));
        TrackerSchema.migrate(plain);
        long id;
        try (Tracker springTracker = Tracker.create(plain); RunHandle run = springTracker.start("s", config(0.2))) {
            id = run.id();
            run.logMetric("loss", 0.25, 0);
        }
        try (RunFinder springFinder = RunFinder.create(plain, Duration.ofSeconds(30))) {
            assertThat(springFinder.findRun(id).orElseThrow().status()).isEqualTo("completed");
            assertThat(springFinder.metrics(id)).hasSize(1);
        }
        try (Connection c = plain.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).as("the tracker switched the file to WAL").isEqualTo("wal");
        }
    }

    @Test
    void aMissingDirectoryIsOneClearErrorNamingIt() {
        Path missing = dir.resolve("nope/sub/experiments.db");
        assertThatThrownBy(() -> Tracker.open("jdbc:sqlite:" + missing)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining(missing.getParent().toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aReadOnlyDirectoryIsOneClearErrorNamingIt() throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("ro"));
        try {
            makeReadOnly(readOnly);
            assertThatThrownBy(() -> Tracker.open("jdbc:sqlite:" + readOnly.resolve("x.db")))
                    .isInstanceOf(AtoConfigException.class).hasMessageContaining(readOnly.toString())
                    .hasMessageContaining("read-only");
        } finally {
            new ProcessBuilder("chattr", "-i", readOnly.toString()).start().waitFor();
            readOnly.toFile().setWritable(true);
        }
    }

    /** Permissions do not stop root, so as root the directory is made immutable ({@code chattr +i}) instead. */
    private static void makeReadOnly(Path directory) throws Exception {
        assertThat(directory.toFile().setWritable(false)).isTrue();
        if (Files.isWritable(directory)) {
            new ProcessBuilder("chattr", "+i", directory.toString()).inheritIO().start().waitFor();
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(directory),
                "cannot make a directory read-only here (root without chattr): run as a normal user");
    }

    @Test
    void aWrongPostgresUrlIsOneClearErrorNamingIt() {
        String wrong = "jdbc:postgresql://127.0.0.1:1/nowhere?user=ato&password=secret";
        assertThatThrownBy(() -> Tracker.open(wrong)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere?user=ato&password=***")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> RunFinder.open("sqlite:experiments.db")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("not a JDBC URL: 'sqlite:experiments.db'");
        assertThatThrownBy(() -> Tracker.open("jdbc:mysql://x/y")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("jdbc:mysql://x/y");
    }

    @Test
    void nanAndInfinityAreKeptOnSqliteAndNanNeverWinsARanking() {
        try (RunHandle run = tracker.start("nan", config(0.1))) {
            run.logMetric("loss", Double.NaN, 0);
            run.logMetric("loss", 0.5, 1);
            run.logMetric("loss", Double.POSITIVE_INFINITY, 2);
            run.flush();
            assertThat(finder.metrics(run.id())).extracting(MetricPoint::value)
                    .containsExactly(Double.NaN, 0.5, Double.POSITIVE_INFINITY);
            assertThat(((BestRun.Found) finder.findBestRun("nan", "loss", Mode.MIN)).value()).isEqualTo(0.5);
            assertThat(((BestRun.Found) finder.findBestRun("nan", "loss", Mode.MAX)).value())
                    .isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void optionsThatWouldReportLiveRunsCrashedAreRejected() {
        assertThatThrownBy(() -> TrackerOptions.defaults().withHeartbeat(Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("crashGrace (PT2S) must be longer than heartbeatInterval (PT5S)");
        assertThatThrownBy(() -> TrackerOptions.defaults().withBuffer(0, 10)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("queueCapacity");
    }

    @Test
    void anEmptyProjectNameIsRejected() {
        assertThatThrownBy(() -> tracker.start(" ", config(0.1))).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("project name");
    }
}
