package dev.ato.tracker;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tracker on a real PostgreSQL and a real MariaDB: sixteen threads logging at once lose nothing, and the finder
 * and query builder answer as on SQLite. Each vendor runs when its URL is set ({@link TestDatabases}), e.g.
 * {@code ATO_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'} and
 * {@code ATO_TEST_MARIADB_URL='jdbc:mariadb://127.0.0.1:3306/test?user=root'}.
 */
class TrackerServerDatabasesTest {

    private static final int THREADS = 16;
    private static final int METRICS = 10_000;

    private String project;

    @BeforeEach
    void uniqueProject() {
        project = "pg-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void sixteenThreadsLogWithoutLoss(String vendor) throws Exception {
        String url = TestDatabases.url(vendor);
        List<Long> ids = new ArrayList<>();
        try (Tracker tracker = Tracker.open(url)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Long>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                runs.add(pool.submit(() -> {
                    try (RunHandle run = tracker.start(project, ADict.of(Map.of("thread", thread)), "pg")) {
                        for (int i = 0; i < METRICS; i++) {
                            run.logMetric("loss", thread + 1.0 / (i + 1), i);
                        }
                        return run.id();
                    }
                }));
            }
            for (Future<Long> run : runs) {
                ids.add(run.get());
            }
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT run_id) FROM metrics m JOIN experiments e"
                     + " ON e.id = m.run_id JOIN projects p ON p.id = e.project_id WHERE p.name = '" + project + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo((long) THREADS * METRICS);
            assertThat(rs.getLong(2)).isEqualTo(THREADS);
        }
        try (RunFinder finder = RunFinder.open(url)) {
            assertThat(finder.runsInProject(project)).hasSize(THREADS)
                    .allSatisfy(run -> assertThat(run.status()).isEqualTo("completed"));
            BestRun best = finder.findBestRun(project, "loss", Mode.MAX);
            assertThat(((BestRun.Found) best).run().config().getInt("thread")).isEqualTo(THREADS - 1);
            assertThat(finder.query().project(project).config("thread", ConfigComparison.LT, 2).list()).hasSize(2);
            assertThat(finder.query().project(project).tag("pg").orderByLast("loss", Mode.MIN).page(0, 1).list())
                    .extracting(run -> run.config().getInt("thread")).containsExactly(0);
            assertThat(finder.query().project(project).status(RunStatus.COMPLETED).list()).hasSize(THREADS);
            assertThat(finder.findSimilarRuns(ids.get(0))).hasSize(THREADS - 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void nanAndInfinityAreKeptAndNeverWinARanking(String vendor) {
        String url = TestDatabases.url(vendor);
        try (Tracker tracker = Tracker.open(url); RunHandle run = tracker.start(project, new ADict())) {
            run.logMetric("loss", Double.NaN, 0);
            run.logMetric("loss", 0.5, 1);
            run.logMetric("loss", Double.NEGATIVE_INFINITY, 2);
            run.logMetric("loss", Double.POSITIVE_INFINITY, 3);
            run.flush();
            try (RunFinder finder = RunFinder.open(url)) {
                assertThat(finder.metrics(run.id())).extracting(MetricPoint::value)
                        .containsExactly(Double.NaN, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                assertThat(((BestRun.Found) finder.findBestRun(project, "loss", Mode.MAX)).value())
                        .isEqualTo(Double.POSITIVE_INFINITY);
                assertThat(((BestRun.Found) finder.findBestRun(project, "loss", Mode.MIN)).value())
                        .isEqualTo(Double.NEGATIVE_INFINITY);
                assertThat(finder.metricsAfter(run.id(), 0)).extracting(StoredMetric::value)
                        .containsExactly(Double.NaN, 0.5, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            }
        }
    }
}
