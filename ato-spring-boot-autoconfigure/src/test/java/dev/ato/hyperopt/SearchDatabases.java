package dev.ato.hyperopt;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the search tests run against: a fresh SQLite file, PostgreSQL when {@code ATO_TEST_POSTGRES_URL}
 * is set (in a schema of its own, so the migrations of other branches sharing that database are not disturbed), and
 * MariaDB when {@code ATO_TEST_MARIADB_URL} is set.
 */
final class SearchDatabases {

    static final String POSTGRES_ENV = "ATO_TEST_POSTGRES_URL";
    private static final String SCHEMA = "ato_hyperopt_test";

    private SearchDatabases() {
    }

    static String sqlite(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("experiments.db");
    }

    /** The PostgreSQL URL with its own schema, or the test is skipped with how to run it. */
    static String postgres() {
        String url = System.getenv(POSTGRES_ENV);
        Assumptions.assumeTrue(url != null && !url.isBlank(), "PostgreSQL tests are skipped: set " + POSTGRES_ENV
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare schema " + SCHEMA + " on " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    static String of(String database, Path dir) {
        return switch (database) {
            case "postgresql" -> postgres();
            case "mariadb" -> dev.ato.tracker.TestDatabases.url("mariadb");
            default -> sqlite(dir);
        };
    }
}
