package dev.ato.tracker;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tracker's speed targets (docs/benchmarks.md, "Tracker"), all on a SQLite file:
 * <ul>
 *   <li>{@code logMetric} through the public API, against a raw JDBC batched insert into the same table and a
 *   one-commit-per-row JDBC loop (what Python ato does), in the same run;</li>
 *   <li>heap after 10,000 and after 1,000,000 logged metrics (printed by {@link MemoryState});</li>
 *   <li>{@code findBestRun} over 10,000 runs with 10,000 and with 1,000,000 metric rows.</li>
 * </ul>
 * Run: {@code ./mvnw -B -o -pl ato-spring-boot-autoconfigure -Pjmh test-compile exec:exec -Djmh.args="-f 1 .*TrackerBench.*"}
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class TrackerBench {

    static final int BATCH_OPS = 100_000;
    static final int COMMIT_PER_ROW_OPS = 300;

    /** A fresh file with one open run; the raw loops write into the same file and table. */
    @State(Scope.Benchmark)
    public static class WriteState {
        Path dir;
        String url;
        Tracker tracker;
        RunHandle run;
        Connection raw;
        long step;

        @Setup(Level.Trial)
        public void open() throws Exception {
            dir = Files.createTempDirectory("ato-bench");
            url = "jdbc:sqlite:" + dir.resolve("bench.db");
            tracker = Tracker.open(url);
            run = tracker.start("bench", ADict.of(Map.of("lr", 0.1)));
            raw = DriverManager.getConnection(url + "?journal_mode=WAL&busy_timeout=10000");
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            raw.close();
            run.close();
            tracker.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_OPS)
    public void logMetricThroughTracker(WriteState s) {
        for (int i = 0; i < BATCH_OPS; i++) {
            s.run.logMetric("loss", i * 0.5, s.step++);
        }
        s.run.flush();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH_OPS)
    public void rawJdbcBatchInsert(WriteState s) throws Exception {
        String now = SqlFlavor.PYTHON_DATETIME.format(Instant.now().atOffset(java.time.ZoneOffset.UTC));
        s.raw.setAutoCommit(false);
        try (PreparedStatement ps = s.raw.prepareStatement(
                "INSERT INTO metrics (run_id, \"key\", value, step, timestamp) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < BATCH_OPS; i++) {
                ps.setLong(1, s.run.id());
                ps.setString(2, "loss");
                ps.setDouble(3, i * 0.5);
                ps.setLong(4, s.step++);
                ps.setString(5, now);
                ps.addBatch();
                if ((i + 1) % 8192 == 0) {
                    ps.executeBatch();
                    s.raw.commit();
                }
            }
            ps.executeBatch();
            s.raw.commit();
        }
        s.raw.setAutoCommit(true);
    }

    @Benchmark
    @OperationsPerInvocation(COMMIT_PER_ROW_OPS)
    public void jdbcOneCommitPerRow(WriteState s) throws Exception {
        try (PreparedStatement ps = s.raw.prepareStatement(
                "INSERT INTO metrics (run_id, \"key\", value, step, timestamp) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < COMMIT_PER_ROW_OPS; i++) {
                ps.setLong(1, s.run.id());
                ps.setString(2, "loss");
                ps.setDouble(3, i * 0.5);
                ps.setLong(4, s.step++);
                ps.setString(5, SqlFlavor.PYTHON_DATETIME.format(Instant.now().atOffset(java.time.ZoneOffset.UTC)));
                ps.executeUpdate();
            }
        }
    }

    /** Logs 10,000 then 1,000,000 metrics and prints the heap in use after each (after GC). */
    @State(Scope.Benchmark)
    public static class MemoryState {
        Tracker tracker;
        RunHandle run;

        @Setup(Level.Trial)
        public void open() throws Exception {
            tracker = Tracker.open("jdbc:sqlite:" + Files.createTempDirectory("ato-mem").resolve("mem.db"));
            run = tracker.start("memory", new ADict());
        }

        @TearDown(Level.Trial)
        public void close() {
            run.close();
            tracker.close();
        }
    }

    @Benchmark
    @BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long heapAfterOneMillionMetrics(MemoryState s) {
        long step = 0;
        for (; step < 10_000; step++) {
            s.run.logMetric("loss", step, step);
        }
        s.run.flush();
        long after10k = usedHeap();
        for (; step < 1_010_000; step++) {
            s.run.logMetric("loss", step, step);
        }
        s.run.flush();
        long after1m = usedHeap();
        System.out.printf("%nHEAP after 10k metrics: %.1f MB; after 1M more: %.1f MB; difference %.1f MB%n",
                after10k / 1e6, after1m / 1e6, (after1m - after10k) / 1e6);
        return after1m;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** 10,000 runs in one project with {@code metricRows} metric rows in all (half 'loss', half 'acc'). */
    @State(Scope.Benchmark)
    public static class FinderState {
        @Param({"10000", "1000000"})
        int metricRows;
        RunFinder finder;

        @Setup(Level.Trial)
        public void fill() throws Exception {
            String url = "jdbc:sqlite:" + Files.createTempDirectory("ato-find").resolve("find.db");
            TrackerSchema.migrate(Database.open(url));
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("INSERT INTO projects (name, created_at) VALUES ('big', '2026-01-01 00:00:00.000000')");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (project_id, config,"
                        + " structural_hash, tags, status, start_time) VALUES (1, '{}', 'h', '[]', 'completed',"
                        + " '2026-01-01 00:00:00.000000')")) {
                    for (int i = 0; i < 10_000; i++) {
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO metrics (run_id, \"key\", value, step,"
                        + " timestamp) VALUES (?, ?, ?, ?, '2026-01-01 00:00:00.000000')")) {
                    java.util.Random random = new java.util.Random(42);
                    for (int i = 0; i < metricRows; i++) {
                        ps.setLong(1, 1 + (i % 10_000));
                        ps.setString(2, i % 2 == 0 ? "loss" : "acc");
                        ps.setDouble(3, random.nextDouble());
                        ps.setLong(4, i / 10_000);
                        ps.addBatch();
                        if (i % 10_000 == 9_999) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
            }
            finder = RunFinder.open(url);
        }

        @TearDown(Level.Trial)
        public void close() {
            finder.close();
        }
    }

    @Benchmark
    public BestRun findBestRun(FinderState s) {
        return s.finder.findBestRun("big", "loss", Mode.MAX);
    }
}
