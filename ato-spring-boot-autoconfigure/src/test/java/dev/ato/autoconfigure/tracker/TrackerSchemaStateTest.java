package dev.ato.autoconfigure.tracker;

import dev.ato.tracker.TrackerSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-query check that lets read-only commands skip Flyway, on a real SQLite file. */
class TrackerSchemaStateTest {

    @TempDir
    Path dir;

    @Test
    void currentOnlyAfterTheNewestMigrationIsApplied() {
        DataSource dataSource = new SimpleDriverDataSource(new org.sqlite.JDBC(),
                "jdbc:sqlite:" + dir.resolve("experiments.db"));
        assertThat(TrackerSchemaState.isCurrent(dataSource)).as("empty database").isFalse();
        TrackerSchema.migrate(dataSource);
        assertThat(TrackerSchemaState.isCurrent(dataSource)).isTrue();
        new JdbcTemplate(dataSource).update("DELETE FROM flyway_schema_history WHERE version = "
                + "(SELECT MAX(version) FROM flyway_schema_history)");
        assertThat(TrackerSchemaState.isCurrent(dataSource)).as("newest migration missing").isFalse();
    }
}
