package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-scope application on PostgreSQL: the same binding, the tracker and the runs commands on the app's database. */
@SpringBootTest(classes = TestApplication.class, args = {"high_lr", "train.batch_size=64"},
        properties = {"spring.datasource.url=${ATO_TEST_POSTGRES_URL}", "train.optim.beta=0.95"})
@EnabledIfEnvironmentVariable(named = "ATO_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "needs PostgreSQL: set ATO_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
class PostgresContextTest {

    @Autowired
    Environment environment;

    @Autowired
    TrainSettings train;

    @Autowired
    Tracker tracker;

    @Autowired
    AtoShellRunner runner;

    @Autowired
    JdbcConnectionDetails connection;

    @Test
    void bindsTheSameValuesAndTracksOnPostgres() throws Exception {
        assertThat(connection.getJdbcUrl()).startsWith("jdbc:postgresql:");
        assertThat(environment.getProperty("train.lr", Double.class)).isEqualTo(1.0);
        assertThat(environment.containsProperty("train.dropout")).isFalse();
        assertThat(train.batchSize()).isEqualTo(64);
        String project = "spring-pg-" + System.nanoTime();
        long id;
        try (RunHandle run = tracker.start(project, ADict.of(Map.of("lr", 1.0)))) {
            run.logMetric("acc", 0.7, 1);
            id = run.id();
        }
        StringWriter out = new StringWriter();
        int code = runner.execute("runs",
                List.of("best", "--project", project, "--metric", "acc"), new PrintWriter(out));
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("\\n" + id + "\\s+completed").contains("acc = 0.7");
    }
}
