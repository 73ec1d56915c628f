package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one owner of database access: it opens the connection pool (one configuration per vendor), detects the
 * vendor once from the connection's metadata, and runs every unit of work, reads and write transactions alike, with
 * one retry policy for lock conflicts. The tracker, the search tables, the dashboard's and the shell's reads and the
 * schema migration all go through it; the SQL that differs between vendors is its {@link SqlFlavor}.
 */
public final class Database implements AutoCloseable {

    /** The default database: {@code experiments.db} in the working directory. */
    public static final String DEFAULT_URL = "jdbc:sqlite:experiments.db";

    /** How long SQLite waits for another connection's write lock before it reports BUSY. */
    static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(10);

    /** How long a unit of work keeps retrying a lock conflict before it gives up with an error. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final SqlFlavor flavor;
    private final @Nullable HikariDataSource owned;

    private Database(DataSource dataSource, @Nullable HikariDataSource owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        try (Connection connection = dataSource.getConnection()) {
            this.flavor = SqlFlavor.detect(connection.getMetaData().getDatabaseProductName());
            flavor.prepare(connection);
            flavor.persistSettings(connection);
        } catch (SQLException e) {
            throw new AtoException("cannot connect to the tracker database: " + e.getMessage(), e);
        }
    }

    /** Access through an application's DataSource (Spring's); {@link #close()} leaves it open. */
    public static Database of(DataSource dataSource) {
        return new Database(Objects.requireNonNull(dataSource, "dataSource"), null);
    }

    /**
     * Access through one new connection per unit of work on {@code jdbcUrl}, as a DataSource on that URL gives it:
     * for a short-lived reader (a one-shot command) that should see the file exactly as the application would,
     * read-only included, without starting a pool. Nothing to close.
     */
    public static Database unpooled(String jdbcUrl) {
        return of(new DriverManagerDataSource(jdbcUrl));
    }

    /**
     * Opens a pool on a JDBC URL ({@code jdbc:sqlite:file.db}, {@code jdbc:postgresql://host/db} or
     * {@code jdbc:mariadb://host/db}); a bad URL, a missing or read-only directory, or a server that cannot be
     * reached is one {@link AtoConfigException} naming it (with any password masked).
     */
    public static Database open(String jdbcUrl) {
        SqlFlavor flavor = SqlFlavor.ofUrl(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("ato-tracker");
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(30_000);
        config.setMinimumIdle(1);
        if (flavor == SqlFlavor.SQLITE) {
            checkSqliteFile(jdbcUrl);
        }
        config.setJdbcUrl(flavor.pooledUrl(jdbcUrl));
        config.setMaximumPoolSize(flavor.poolSize());
        flavor.dataSourceProperties().forEach(config::addDataSourceProperty);
        HikariDataSource pool = null;
        try {
            pool = new HikariDataSource(config);
            return new Database(pool, pool);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw new AtoConfigException("cannot open the tracker database '" + redact(jdbcUrl) + "': "
                    + rootMessage(e) + "; check the URL, that the server runs and the user may log in", e);
        }
    }

    /** The SQLite URL for a file with Ato's connection settings (WAL, busy timeout, foreign keys, immediate writes). */
    public static String sqliteUrl(Path file, Duration busyTimeout, String journalMode) {
        return SqlFlavor.withSqliteSettings("jdbc:sqlite:" + file, busyTimeout, journalMode);
    }

    /** The vendor's name as the migration folders spell it: {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public String vendor() {
        return flavor.folder();
    }

    /** The DataSource every unit of work borrows its connection from. */
    public DataSource dataSource() {
        return dataSource;
    }

    SqlFlavor flavor() {
        return flavor;
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one write transaction (on SQLite {@code BEGIN IMMEDIATE}, so a transaction that reads
     * first never fails at its first write), retried while another writer holds the lock.
     */
    <T> T write(String what, SqlWork<T> work) {
        return retrying(what, connection -> {
            flavor.begin(connection);
            try {
                T result = work.run(connection);
                flavor.commit(connection);
                return result;
            } catch (SQLException | RuntimeException e) {
                flavor.rollbackQuietly(connection);
                throw e;
            }
        });
    }

    /** Runs read-only {@code work} on one connection, retried like {@link #write}. */
    <T> T read(String what, SqlWork<T> work) {
        return retrying(what, work);
    }

    /** Runs read-only queries through Spring's {@link JdbcClient} on one prepared connection, retried like {@link #write}. */
    <T> T query(String what, Function<JdbcClient, T> work) {
        return read(what, connection -> {
            try {
                return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
            } catch (org.springframework.dao.DataAccessException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw e;
            }
        });
    }

    /** The one retry policy: lock conflicts (as {@link SqlFlavor#isLockConflict} sees them) back off and retry. */
    private <T> T retrying(String what, SqlWork<T> work) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = 2;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                flavor.prepare(connection);
                return work.run(connection);
            } catch (SQLException e) {
                if (!flavor.isLockConflict(e) || System.nanoTime() > deadline) {
                    throw new AtoException("tracker could not " + what + ": " + e.getMessage(), e);
                }
            }
            sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtoException("interrupted while waiting for the tracker database", e);
        }
    }

    /** Closes the pool when {@link #open} created it. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
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

    /** The URL without a password, for error messages. */
    static String redact(String jdbcUrl) {
        return String.valueOf(jdbcUrl).replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
