package dev.ato.guide;

import dev.ato.adict.ADict;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "sharing one database" example of docs/python-ato.md: Ato adopts a database the original Python ato wrote
 * (the conformance sample), adds a run, finds Python's runs of the same structure, and stores the run the way
 * Python ato stores its own.
 */
class PythonDatabaseExamplesTest {

    @Test
    void aJavaRunJoinsPythonRunsInOneDatabase(@TempDir Path dir) throws Exception {
        Path pythonDb = Path.of(PythonDatabaseExamplesTest.class.getResource("/conformance/ato/python-ato-sample.db").toURI());
        Path file = Files.copy(pythonDb, dir.resolve("experiments.db"));
        String url = "jdbc:sqlite:" + file;
        ADict config = ADict.auto()
                .set("experiment.project_name", "vision")
                .set("experiment.sql.db_path", "sqlite:///experiments.db")
                .set("lr", 0.05).set("batch_size", 16).set("model", "vit");

        long javaRun;
        try (Tracker tracker = Tracker.open(url); RunHandle run = tracker.start("vision", config, "java")) {
            run.logMetric("val_acc", 0.93, 0);
            javaRun = run.id();
        }

        assertThat(javaRun).isEqualTo(7);
        try (RunFinder finder = RunFinder.open(url)) {
            List<Long> similar = finder.findSimilarRuns(javaRun).stream().map(Run::id).toList();
            assertThat(similar).containsExactly(1L, 2L);
            assertThat(finder.findSimilarRunsInAllProjects(javaRun)).extracting(Run::id).containsExactly(1L, 2L, 5L);
            assertThat(finder.runsInProject("vision")).hasSize(5);
        }
        assertThat(config.structuralHash()).isEqualTo("0ab578f82d03104c01a78d063273c02b5dbca512");
        assertThat(row(url, "SELECT config, tags, status FROM experiments WHERE id = " + javaRun)).isEqualTo(
                "{\"experiment\": {\"project_name\": \"vision\", \"sql\": {\"db_path\": \"sqlite:///experiments.db\"}},"
                        + " \"lr\": 0.05, \"batch_size\": 16, \"model\": \"vit\"} | [\"java\"] | completed");
    }

    private static String row(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3);
        }
    }
}
