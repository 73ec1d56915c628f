package dev.ato.tracker;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ato.AtoConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens a pooled connection to a JDBC URL, with SQLite's settings, failing once and clearly when it cannot. */
final class DataSources {

    private DataSources() {
    }

    /** The default database: {@code experiments.db} in the working directory. */
    static final String DEFAULT_URL = "jdbc:sqlite:experiments.db";

    static HikariDataSource open(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new AtoConfigException("not a JDBC URL: '" + jdbcUrl
                    + "'; expected e.g. jdbc:sqlite:experiments.db or jdbc:postgresql://host:5432/db");
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("ato-tracker");
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(30_000);
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            checkSqliteFile(jdbcUrl);
            config.setJdbcUrl(withSqliteSettings(jdbcUrl));
            config.setMaximumPoolSize(4);
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // one multi-row INSERT per batch instead of one statement per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(8);
        } else {
            throw new AtoConfigException("unsupported tracker database URL '" + redact(jdbcUrl)
                    + "'; use jdbc:sqlite:<file> or jdbc:postgresql://host:port/database");
        }
        config.setMinimumIdle(1);
        try {
            HikariDataSource dataSource = new HikariDataSource(config);
            try (Connection connection = dataSource.getConnection()) {
                SqlFlavor.of(connection).prepare(connection);
            }
            return dataSource;
        } catch (RuntimeException | SQLException e) {
            throw new AtoConfigException("cannot open the tracker database '" + redact(jdbcUrl) + "': "
                    + rootMessage(e) + "; check the URL, that the server runs and the user may log in", e);
        }
    }

    /** The directory of a SQLite file must exist and be writable; SQLite's own error would not name it. */
    private static void checkSqliteFile(String jdbcUrl) {
        String file = sqliteFile(jdbcUrl);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")) {
            return;
        }
        Path path = Path.of(file.startsWith("file:") ? file.substring(5) : file).toAbsolutePath();
        Path dir = path.getParent();
        if (!Files.isDirectory(dir)) {
            throw new AtoConfigException("cannot create the tracker database " + path + ": the directory " + dir
                    + " does not exist; create it or point the tracker at another file");
        }
        boolean writable = Files.exists(path) ? Files.isWritable(path) : Files.isWritable(dir);
        if (!writable) {
            throw new AtoConfigException("cannot write the tracker database " + path + ": "
                    + (Files.exists(path) ? "the file" : "the directory " + dir)
                    + " is read-only; make it writable or point the tracker at another file");
        }
    }

    static String sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    /** WAL, a busy timeout and foreign keys on every connection, unless the URL already says otherwise. */
    private static String withSqliteSettings(String jdbcUrl) {
        StringBuilder url = new StringBuilder(jdbcUrl);
        char sep = jdbcUrl.contains("?") ? '&' : '?';
        String[][] settings = {{"journal_mode", "WAL"}, {"busy_timeout", String.valueOf(SqlFlavor.BUSY_TIMEOUT_MS)},
                {"foreign_keys", "true"}, {"transaction_mode", "IMMEDIATE"}};
        for (String[] setting : settings) {
            if (!jdbcUrl.contains(setting[0] + "=")) {
                url.append(sep).append(setting[0]).append('=').append(setting[1]);
                sep = '&';
            }
        }
        return url.toString();
    }

    /** The URL without a password, for error messages. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
