package dev.ato.hostapp;

import org.junit.jupiter.params.provider.Arguments;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases a host application is started on: a fresh SQLite file, and a fresh PostgreSQL schema when
 * {@code ATO_TEST_POSTGRES_URL} is set (otherwise the console says how to run those cases).
 */
public final class HostDatabases {

    private HostDatabases() {
    }

    /** Arguments (name, JDBC URL) for a parameterized test of application {@code app}. */
    public static Stream<Arguments> of(String app) {
        List<Arguments> result = new ArrayList<>();
        Path file = Path.of("target", "hostapps", app, UUID.randomUUID() + ".db").toAbsolutePath();
        file.getParent().toFile().mkdirs();
        result.add(Arguments.of("sqlite", "jdbc:sqlite:" + file));
        String postgres = System.getenv("ATO_TEST_POSTGRES_URL");
        if (postgres == null || postgres.isBlank()) {
            System.out.println("[" + app + "] PostgreSQL case skipped: set ATO_TEST_POSTGRES_URL (e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run it");
        } else {
            result.add(Arguments.of("postgresql", freshSchema(postgres, "hostapp_" + app.toLowerCase(Locale.ROOT))));
        }
        return result.stream();
    }

    /** Drops and creates {@code schema} and returns a URL whose connections use it. */
    private static String freshSchema(String url, String schema) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare PostgreSQL schema " + schema + " at " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The tables of the database at {@code url} (lower case), for assertions. */
    public static List<String> tables(String url) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            String schema = c.getSchema();
            try (var rs = c.getMetaData().getTables(null, url.startsWith("jdbc:sqlite:") ? null : schema, "%",
                    new String[]{"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** The first column of every row of {@code sql}, as text. */
    public static List<String> column(String url, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
