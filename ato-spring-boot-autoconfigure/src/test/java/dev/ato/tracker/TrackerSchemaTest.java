package dev.ato.tracker;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ato's own migrations next to an application's: Ato's history table, the upgrade of a database an earlier release
 * migrated into {@code flyway_schema_history}, and an application's tables never taken for Python ato's. On SQLite
 * and, with their URLs set ({@link TestDatabases}), on PostgreSQL and MariaDB (each test in a fresh schema or
 * database).
 */
class TrackerSchemaTest {

    @TempDir
    Path dir;

    private DataSource database(String vendor) throws Exception {
        return TestDatabases.freshDataSource(vendor, dir);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void atoKeepsItsOwnHistoryAndTheOneQueryCheckFollowsIt(String vendor) throws Exception {
        DataSource dataSource = database(vendor);
        assertThat(TrackerSchema.isCurrent(dataSource)).as("empty database").isFalse();
        TrackerSchema.migrate(dataSource);
        assertThat(TrackerSchema.isCurrent(dataSource)).isTrue();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT version FROM ato_schema_history ORDER BY installed_rank", String.class))
                .containsExactly("1", "2", "2.1");
        assertThat(tableExists(dataSource, "flyway_schema_history")).isFalse();
        jdbc.update("DELETE FROM ato_schema_history WHERE version = '" + TrackerSchema.NEWEST_VERSION + "'");
        assertThat(TrackerSchema.isCurrent(dataSource)).as("newest migration missing").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void theNewestVersionConstantMatchesTheShippedScripts(String vendor) throws Exception {
        Resource[] scripts = new PathMatchingResourcePatternResolver().getResources(
                TrackerSchema.LOCATIONS.replace("{vendor}", vendor).replace("classpath:", "classpath*:") + "/V*__*.sql");
        String newest = Arrays.stream(scripts).map(Resource::getFilename)
                .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                .max(TrackerSchema::compareVersions).orElseThrow();
        assertThat(TrackerSchema.NEWEST_VERSION).isEqualTo(newest);
    }

    /** What the release before this one did: Ato's scripts migrated into Flyway's default history table. */
    private static void migrateAsThePreviousRelease(DataSource dataSource, String vendor, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:dev/ato/tracker/migration/" + vendor)
                .baselineOnMigrate(true).baselineVersion("1").baselineDescription("tables created by Python ato")
                .target(target).load().migrate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDatabaseThePreviousReleaseMigratedUpgradesInPlaceWithNothingLost(String vendor) throws Exception {
        DataSource dataSource = database(vendor);
        migrateAsThePreviousRelease(dataSource, vendor, "2");
        long id;
        try (Tracker tracker = Tracker.create(dataSource); RunHandle run = tracker.start("old", config(0.1), "v")) {
            id = run.id();
            run.logMetric("loss", 0.5, 0);
            run.logMetric("loss", Double.NaN, 1);
        }
        TrackerSchema.migrate(dataSource);

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT version FROM ato_schema_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactly("2", "2.1");
        assertThat(tableExists(dataSource, "flyway_schema_history"))
                .as("the old history held only Ato's versions, so it was Ato's and is gone").isFalse();
        assertThat(tableExists(dataSource, "ato_search_trials")).as("2.1 applied on top").isTrue();
        try (RunFinder finder = RunFinder.create(dataSource)) {
            Run run = finder.findRun(id).orElseThrow();
            assertThat(run.tags()).containsExactly("v");
            assertThat(finder.metrics(id)).hasSize(2);
            assertThat(((BestRun.Found) finder.findBestRun("old", "loss", Mode.MIN)).run().id()).isEqualTo(id);
        }
        TrackerSchema.migrate(dataSource);
        assertThat(TrackerSchema.isCurrent(dataSource)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aHistoryTableSharedWithTheApplicationIsReadButNeverWritten(String vendor) throws Exception {
        DataSource dataSource = database(vendor);
        migrateAsThePreviousRelease(dataSource, vendor, "2.1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // the application's own migration, recorded in the same table by the application's Flyway
        jdbc.update("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(40))");
        jdbc.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (99, '3', 'customers', 'SQL', 'V3__customers.sql', 7,"
                + " 'app', 1, " + (vendor.equals("sqlite") ? "1" : "true") + ")");
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM flyway_schema_history ORDER BY installed_rank");

        TrackerSchema.migrate(dataSource);

        assertThat(jdbc.queryForList("SELECT * FROM flyway_schema_history ORDER BY installed_rank")).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT version FROM ato_schema_history", String.class))
                .as("Ato's versions carried over into its own table").containsExactly("2.1");
        assertThat(TrackerSchema.isCurrent(dataSource)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void anApplicationsOwnTablesNeverPassForPythonAtos(String vendor) throws Exception {
        DataSource dataSource = database(vendor);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // an application's tables, one of them even named like one of Python ato's
        jdbc.update("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(40))");
        jdbc.update("CREATE TABLE metrics (id INTEGER PRIMARY KEY, gauge VARCHAR(40))");
        jdbc.update("INSERT INTO customers (id, name) VALUES (1, 'Ada')");
        try (Connection c = dataSource.getConnection()) {
            assertThat(TrackerSchema.Adoption.isPythonAto(c)).isFalse();
        }
        jdbc.update("DROP TABLE metrics");

        TrackerSchema.migrate(dataSource);

        assertThat(jdbc.queryForList("SELECT version FROM ato_schema_history WHERE version <> '0'"
                + " ORDER BY installed_rank", String.class)).as("nothing skipped").containsExactly("1", "2", "2.1");
        assertThat(jdbc.queryForObject("SELECT name FROM customers WHERE id = 1", String.class)).isEqualTo("Ada");
        try (Tracker tracker = Tracker.create(dataSource); RunHandle run = tracker.start("app", config(0.2))) {
            run.logMetric("loss", 0.1, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql", "mariadb"})
    void theApplicationsFlywayNeverSeesAtosScripts(String vendor) throws Exception {
        DataSource dataSource = database(vendor);
        Path migrations = Files.createDirectories(dir.resolve("app/db/migration"));
        Files.writeString(migrations.resolve("V1__customers.sql"), "CREATE TABLE customers (id INTEGER PRIMARY KEY)");
        // the application's Flyway as Spring Boot configures it (default location, default table) plus its own
        // folder; it runs at start-up, before the tracker's first use, and again on every later start
        Flyway app = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "filesystem:" + migrations).load();
        app.migrate();
        TrackerSchema.migrate(dataSource);
        app.validate();
        app.migrate();
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT script FROM flyway_schema_history",
                String.class)).containsExactly("V1__customers.sql");
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT version FROM ato_schema_history WHERE version"
                + " <> '0' ORDER BY installed_rank", String.class)).containsExactly("1", "2", "2.1");
        assertThat(TrackerSchema.isCurrent(dataSource)).isTrue();
    }

    private static boolean tableExists(DataSource dataSource, String table) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return TrackerSchema.Adoption.hasTable(c, table);
        }
    }

    private static ADict config(double lr) {
        return ADict.of(Map.of("lr", lr));
    }
}
