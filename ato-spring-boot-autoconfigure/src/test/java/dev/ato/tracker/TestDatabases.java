package dev.ato.tracker;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases the tracker's tests run on: a SQLite file always; PostgreSQL when {@code ATO_TEST_POSTGRES_URL} is
 * set and MariaDB when {@code ATO_TEST_MARIADB_URL} is set (otherwise those cases are skipped, saying so on the
 * console once). {@code .ci/run} sets both.
 */
public final class TestDatabases {

    public static final String POSTGRES_ENV = "ATO_TEST_POSTGRES_URL";
    public static final String MARIADB_ENV = "ATO_TEST_MARIADB_URL";
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
    private static final Pattern MARIADB_URL = Pattern.compile("(jdbc:mariadb://[^/]+/)([^?]*)(.*)");

    private TestDatabases() {
    }

    /** The server's URL for {@code postgresql} or {@code mariadb}, or the test is skipped with how to run it. */
    public static String url(String vendor) {
        String env = vendor.equals("mariadb") ? MARIADB_ENV : POSTGRES_ENV;
        String example = vendor.equals("mariadb") ? "jdbc:mariadb://127.0.0.1:3306/test?user=root"
                : "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        String url = System.getenv(env);
        boolean set = url != null && !url.isBlank();
        if (!set && ANNOUNCED.add(env)) {
            System.out.println("[ato tests] " + vendor + " cases are skipped: set " + env + " (e.g. " + example
                    + ") to run them");
        }
        Assumptions.assumeTrue(set, "set " + env + " (e.g. " + example + ") to run the " + vendor + " cases");
        return url;
    }

    /** A URL of {@code vendor}: a SQLite file in {@code dir}, or the server's database. */
    public static String url(String vendor, Path dir) {
        return vendor.equals("sqlite") ? "jdbc:sqlite:" + dir.resolve("experiments.db") : url(vendor);
    }

    /**
     * A URL to an empty database of {@code vendor}: a new SQLite file, a new PostgreSQL schema, or a new MariaDB
     * database (created next to the one of {@code ATO_TEST_MARIADB_URL}).
     */
    public static String fresh(String vendor, Path dir) throws SQLException {
        if (vendor.equals("sqlite")) {
            return "jdbc:sqlite:" + dir.resolve("fresh-" + UUID.randomUUID() + ".db");
        }
        String url = url(vendor);
        String name = "ato_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (vendor.equals("postgresql")) {
            execute(url, "CREATE SCHEMA " + name);
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }
        Matcher m = MARIADB_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(MARIADB_ENV + " must look like jdbc:mariadb://host:port/database?...");
        }
        String database = m.group(2) + "_" + name.substring(4);
        execute(url, "CREATE DATABASE " + database);
        return m.group(1) + database + m.group(3);
    }

    /** {@link #fresh} as a DataSource without a pool. */
    public static DataSource freshDataSource(String vendor, Path dir) throws SQLException {
        return new DriverManagerDataSource(fresh(vendor, dir));
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
