package dev.ato.tracker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real processes against one SQLite file: eight JVMs logging at once lose nothing and never see a lock error; a JVM
 * killed with SIGKILL after {@code flush()} keeps its metrics and is reported crashed; one stopped with SIGTERM
 * ends its run killed.
 */
class TrackerProcessesTest {

    private static final int CHILDREN = 8;
    private static final int METRICS = 10_000;

    @TempDir
    Path dir;

    private Process child(String mode, String url, int count, Path stderr) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                System.getProperty("java.class.path"), TrackerChildProcess.class.getName(), mode, url,
                String.valueOf(count))
                .redirectError(stderr.toFile())
                .start();
    }

    @Test
    void eightProcessesLogIntoOneFileWithoutLossOrLockErrors() throws Exception {
        // no file yet: the children race to create the schema and the project, too
        String url = "jdbc:sqlite:" + dir.resolve("shared.db");
        List<Process> children = new ArrayList<>();
        List<Path> errors = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            Path err = dir.resolve("child" + i + ".err");
            errors.add(err);
            children.add(child("log", url, METRICS, err));
        }
        for (int i = 0; i < CHILDREN; i++) {
            Process p = children.get(i);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("child %d finished", i).isTrue();
            String stderr = Files.readString(errors.get(i));
            assertThat(p.exitValue()).as("child %d exit, stderr: %s", i, stderr).isZero();
            assertThat(stderr).doesNotContainIgnoringCase("database is locked").doesNotContain("SQLITE_BUSY");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT COUNT(*) FROM metrics")).isEqualTo((long) CHILDREN * METRICS);
            assertThat(count(st, "SELECT COUNT(DISTINCT run_id) FROM metrics")).isEqualTo(CHILDREN);
            assertThat(count(st, "SELECT COUNT(*) FROM experiments WHERE status = 'completed'")).isEqualTo(CHILDREN);
            assertThat(count(st, "SELECT COUNT(*) FROM projects")).isEqualTo(1);
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }

    @Test
    void aProcessKilledAfterFlushKeepsItsMetricsAndIsReportedCrashed() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("killed.db");
        Tracker.open(url).close();
        Process p = child("hold", url, 2_000, dir.resolve("hold.err"));
        long runId = awaitFlushed(p);
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        try (RunFinder finder = RunFinder.open(url, TrackerChildProcess.OPTIONS.crashGrace())) {
            assertThat(finder.metrics(runId)).hasSize(2_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!finder.findRun(runId).orElseThrow().status().equals("crashed") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(finder.findRun(runId).orElseThrow().status()).isEqualTo("crashed");
            assertThat(finder.query().status(RunStatus.CRASHED).list()).extracting(Run::id).containsExactly(runId);
            assertThat(finder.query().status(RunStatus.RUNNING).list()).isEmpty();
        }
        // the next tracker on the file writes the verdict into the row, for readers such as Python ato
        Tracker next = Tracker.open(url, TrackerChildProcess.OPTIONS);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!storedStatus(url, runId).equals("crashed") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            next.close();
        }
        assertThat(storedStatus(url, runId)).isEqualTo("crashed");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void aProcessStoppedWithSigtermEndsItsRunKilled() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("term.db");
        Tracker.open(url).close();
        Process p = child("hold", url, 500, dir.resolve("term.err"));
        long runId = awaitFlushed(p);
        p.destroy();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        try (RunFinder finder = RunFinder.open(url)) {
            Run run = finder.findRun(runId).orElseThrow();
            assertThat(run.status()).isEqualTo("killed");
            assertThat(run.endReason()).contains("SIGTERM");
            assertThat(finder.metrics(runId)).hasSize(500);
        }
    }

    private static long awaitFlushed(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("FLUSHED ")) {
                return Long.parseLong(line.substring("FLUSHED ".length()));
            }
        }
        throw new AssertionError("the child ended without flushing; exit " + p.exitValue());
    }

    private static String storedStatus(String url, long runId) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status FROM experiments WHERE id = " + runId)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
