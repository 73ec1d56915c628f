package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.TestDatabases;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-scope application on MariaDB: Boot's DataSource on {@code spring.datasource.url}, Ato's schema migrated by
 * Ato's Flyway, a tracked run, and {@code runs best} reading it back. Runs when {@code ATO_TEST_MARIADB_URL} is set.
 */
@SpringBootTest(classes = TestApplication.class, args = {"high_lr"},
        properties = "spring.datasource.url=${ATO_TEST_MARIADB_URL:}")
class MariaDbContextTest {

    @BeforeAll
    static void needsMariaDb() {
        TestDatabases.url("mariadb");
    }

    @Autowired
    Tracker tracker;

    @Autowired
    AtoShellRunner runner;

    @Autowired
    JdbcConnectionDetails connection;

    @Test
    void tracksAndReadsBackOnMariaDb() throws Exception {
        assertThat(connection.getJdbcUrl()).startsWith("jdbc:mariadb:");
        String project = "spring-maria-" + System.nanoTime();
        long id;
        try (RunHandle run = tracker.start(project, ADict.of(Map.of("lr", 1.0)), "maria")) {
            run.logMetric("acc", 0.7, 1);
            run.logMetric("acc", 0.9, 2);
            id = run.id();
        }
        StringWriter out = new StringWriter();
        int code = runner.execute("runs",
                List.of("best", "--project", project, "--metric", "acc"), new PrintWriter(out));
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("\\n" + id + "\\s+completed").contains("acc = 0.9");
    }
}
