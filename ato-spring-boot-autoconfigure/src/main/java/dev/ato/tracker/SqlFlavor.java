package dev.ato.tracker;

import dev.ato.AtoConfigException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that differs between the supported databases, in one place: connection settings, transactions and
 * lock conflicts, how times and non-finite metric values are stored, and the few SQL fragments that are not
 * standard (JSON, upserts, row locks, the database clock). Only {@link Database} picks the flavor.
 */
enum SqlFlavor {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    /** SQLAlchemy's SQLite DATETIME text: UTC, no offset, always six fraction digits. */
    static final DateTimeFormatter PYTHON_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private static final DateTimeFormatter PYTHON_DATETIME_LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    /** MariaDB's DOUBLE has no infinity: the largest double stands for it, and is read back as infinity. */
    private static final double MARIADB_INFINITY = Double.MAX_VALUE;

    private final String folder;

    SqlFlavor(String folder) {
        this.folder = folder;
    }

    /** The vendor from the connection's metadata: the one detection, made by {@link Database}. */
    static SqlFlavor detect(String productName) throws SQLException {
        String product = String.valueOf(productName).toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new SQLException("the tracker supports SQLite, PostgreSQL and MariaDB/MySQL, not " + productName);
    }

    /** The pool settings to use for a URL before any connection exists (the vendor of record is {@link #detect}'s). */
    static SqlFlavor ofUrl(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new AtoConfigException("not a JDBC URL: '" + Database.redact(jdbcUrl) + "'; expected e.g."
                    + " jdbc:sqlite:experiments.db, jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db");
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        throw new AtoConfigException("unsupported tracker database URL '" + Database.redact(jdbcUrl)
                + "'; use jdbc:sqlite:<file>, jdbc:postgresql://host:port/database or jdbc:mariadb://host:port/database");
    }

    /** The migration folder's name. */
    String folder() {
        return folder;
    }

    // ------------------------------------------------------------------ connections

    String pooledUrl(String jdbcUrl) {
        return this == SQLITE ? withSqliteSettings(jdbcUrl, Database.SQLITE_BUSY_TIMEOUT, "WAL") : jdbcUrl;
    }

    int poolSize() {
        return this == SQLITE ? 4 : 8;
    }

    /** Driver settings: one multi-row INSERT per metric batch instead of one statement per row. */
    Map<String, String> dataSourceProperties() {
        return switch (this) {
            case SQLITE -> Map.of();
            case POSTGRESQL -> Map.of("reWriteBatchedInserts", "true");
            case MARIADB -> Map.of("rewriteBatchedStatements", "true");
        };
    }

    /**
     * WAL, a busy timeout, foreign keys, immediate write transactions and {@code synchronous=NORMAL} (safe with WAL:
     * a power loss may lose the last commits, never corrupt the file), unless the URL already says otherwise.
     */
    static String withSqliteSettings(String jdbcUrl, Duration busyTimeout, String journalMode) {
        StringBuilder url = new StringBuilder(jdbcUrl);
        char sep = jdbcUrl.contains("?") ? '&' : '?';
        String[][] settings = {{"journal_mode", journalMode}, {"busy_timeout", String.valueOf(busyTimeout.toMillis())},
                {"foreign_keys", "true"}, {"transaction_mode", "IMMEDIATE"}, {"synchronous", "NORMAL"}};
        for (String[] setting : settings) {
            if (!jdbcUrl.contains(setting[0] + "=")) {
                url.append(sep).append(setting[0]).append('=').append(setting[1]);
                sep = '&';
            }
        }
        return url.toString();
    }

    /**
     * Per-connection settings SQLite does not keep in the file, applied to every borrowed connection, so an
     * application's own DataSource behaves like Ato's pool: the busy timeout and foreign keys.
     */
    void prepare(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + Database.SQLITE_BUSY_TIMEOUT.toMillis());
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
    }

    /** Settings SQLite keeps in the file: the WAL journal, so readers never block the writer (e.g. a Spring DataSource). */
    void persistSettings(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
            }
        }
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Starts a write transaction. On SQLite it takes the write lock at once ({@code BEGIN IMMEDIATE}): a deferred
     * transaction that reads first and writes later can fail with SQLITE_BUSY without waiting for the busy timeout.
     */
    void begin(Connection connection) throws SQLException {
        if (this == SQLITE) {
            connection.setAutoCommit(true);
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
        } else {
            connection.setAutoCommit(false);
        }
    }

    void commit(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("COMMIT");
            }
        } else {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    void rollbackQuietly(Connection connection) {
        try {
            if (this == SQLITE) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                } else {
                    try (Statement st = connection.createStatement()) {
                        st.execute("ROLLBACK");
                    }
                }
            } else {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // no transaction was open, or the connection is gone: nothing to undo
        }
    }

    /**
     * A lock conflict worth retrying: SQLite's BUSY/LOCKED, PostgreSQL's serialization failure or deadlock,
     * MariaDB's deadlock or lock wait timeout.
     */
    boolean isLockConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                boolean conflict = switch (this) {
                    case SQLITE -> (code & 0xff) == 5 || (code & 0xff) == 6 || message.contains("SQLITE_BUSY")
                            || message.contains("SQLITE_LOCKED") || message.contains("database is locked");
                    case POSTGRESQL -> "40001".equals(state) || "40P01".equals(state);
                    case MARIADB -> code == 1213 || code == 1205 || "40001".equals(state);
                };
                if (conflict) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ values

    /** The object a time is bound as: SQLAlchemy's text on SQLite, a UTC {@link LocalDateTime} elsewhere. */
    Object timeValue(Instant time) {
        LocalDateTime utc = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        return this == SQLITE ? PYTHON_DATETIME.format(utc) : utc;
    }

    void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        ps.setObject(index, time == null ? null : timeValue(time));
    }

    Instant getTime(ResultSet rs, String column) throws SQLException {
        if (this == SQLITE) {
            String text = rs.getString(column);
            return text == null ? null : parsePythonTime(text);
        }
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    static Instant parsePythonTime(String text) {
        return LocalDateTime.parse(text.trim(), PYTHON_DATETIME_LENIENT).toInstant(ZoneOffset.UTC);
    }

    /**
     * Binds a metric value (of a metric row or a search trial): the one rule for NaN and infinities. SQLite turns a
     * bound NaN into NULL, so NaN is the text {@code 'NaN'}; PostgreSQL stores both natively; MariaDB stores NaN as
     * NULL and an infinity as the largest double of its sign.
     */
    void setMetricValue(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value) && this == SQLITE) {
            ps.setString(index, "NaN");
        } else if (this == MARIADB && !Double.isFinite(value)) {
            if (Double.isNaN(value)) {
                ps.setNull(index, java.sql.Types.DOUBLE);
            } else {
                ps.setDouble(index, value > 0 ? MARIADB_INFINITY : -MARIADB_INFINITY);
            }
        } else {
            ps.setDouble(index, value);
        }
    }

    /** Reads a value {@link #setMetricValue} bound; NULL reads as NaN. */
    double getMetricValue(ResultSet rs, String column) throws SQLException {
        return metricValue(rs.getObject(column));
    }

    double metricValue(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (this == MARIADB && Math.abs(d) == MARIADB_INFINITY) {
                return d > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
            return d;
        }
        return value == null ? Double.NaN : Double.parseDouble(String.valueOf(value));
    }

    // ------------------------------------------------------------------ SQL fragments

    /**
     * The metrics table's {@code key} column, quoted: a reserved word in MariaDB, which quotes with backticks (Ato
     * never changes the session's {@code sql_mode} on an application's connection).
     */
    String key() {
        return this == MARIADB ? "`key`" : "\"key\"";
    }

    /** The placeholder for a JSON value: PostgreSQL needs the text cast to {@code json}. */
    String jsonParameter() {
        return this == POSTGRESQL ? "CAST(? AS json)" : "?";
    }

    /** A condition true for a metric value that is a number (not NaN), so rankings ignore NaN. */
    String isNumber(String column) {
        return switch (this) {
            case SQLITE -> "typeof(" + column + ") IN ('real', 'integer')";
            case POSTGRESQL -> column + " <> 'NaN'::float8";
            case MARIADB -> column + " IS NOT NULL";
        };
    }

    /** {@code ORDER BY} on an expression with NULLs last (MariaDB sorts NULL first ascending, so it negates). */
    String orderNullsLast(String expression, boolean descending) {
        if (this == MARIADB) {
            return descending ? expression + " DESC" : "-(" + expression + ") DESC";
        }
        return expression + (descending ? " DESC" : " ASC") + " NULLS LAST";
    }

    /**
     * {@code ORDER BY} on a selected column's name with NULLs last; MariaDB (NULL first ascending, no
     * {@code NULLS LAST}) sorts on "is null" first, which also works for text, unlike negating.
     */
    String orderNamedNullsLast(String name, boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        return this == MARIADB ? name + " IS NULL, " + name + direction : name + direction + " NULLS LAST";
    }

    /** The time from one time column or expression to another, as a number that orders like the duration. */
    String elapsed(String from, String to) {
        return switch (this) {
            case SQLITE -> "(julianday(" + to + ") - julianday(" + from + "))";
            case POSTGRESQL -> "EXTRACT(EPOCH FROM (" + to + " - " + from + "))";
            case MARIADB -> "TIMESTAMPDIFF(MICROSECOND, " + from + ", " + to + ")";
        };
    }

    /** {@code a || b}. */
    String concat(String a, String b) {
        return this == MARIADB ? "CONCAT(" + a + ", " + b + ")" : a + " || " + b;
    }

    /**
     * A column in a condition the planner must not answer from an index on it. SQLite's MIN/MAX of one run's metric
     * would otherwise walk the {@code (key, value)} index over every run's values (quadratic when ordering 10,000
     * runs); a unary {@code +} makes it take the run's rows instead. The servers plan this well by themselves.
     */
    String notIndexed(String column) {
        return this == SQLITE ? "+" + column : column;
    }

    /** A JSON column as text, which every database can order (PostgreSQL cannot order {@code json}). */
    String jsonAsText(String column) {
        return this == POSTGRESQL ? "CAST(" + column + " AS text)" : column;
    }

    /** A time column as text. */
    String timeAsText(String column) {
        return switch (this) {
            case SQLITE -> column;
            case POSTGRESQL -> "CAST(" + column + " AS text)";
            case MARIADB -> "CAST(" + column + " AS CHAR)";
        };
    }

    /** An INSERT of one row that does nothing when the unique {@code key} already holds the value. */
    String insertIfAbsent(String table, String columns, String values, String key) {
        return this == MARIADB
                ? "INSERT IGNORE INTO " + table + " (" + columns + ") VALUES (" + values + ")"
                : "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") ON CONFLICT (" + key
                        + ") DO NOTHING";
    }

    /** The suffix locking the selected rows until commit (SQLite's single write lock already serialises writers). */
    String forUpdate() {
        return this == SQLITE ? "" : " FOR UPDATE";
    }

    /** Like {@link #forUpdate()}, skipping rows another transaction holds. */
    String forUpdateSkipLocked() {
        return this == SQLITE ? "" : " FOR UPDATE SKIP LOCKED";
    }

    /** The database clock in epoch milliseconds, so leases agree across machines. */
    String nowMillis() {
        return switch (this) {
            case SQLITE -> "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
            case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
            case MARIADB -> "CAST(UNIX_TIMESTAMP(SYSDATE(6)) * 1000 AS SIGNED)";
        };
    }

    /**
     * The JSON value at a config path, as a number when it is a JSON number and NULL otherwise. The SQL holds two
     * placeholders, both bound to {@link #jsonPath}.
     */
    String configNumber() {
        return switch (this) {
            case SQLITE -> "(CASE WHEN json_type(e.config, ?) IN ('integer', 'real') THEN json_extract(e.config, ?) END)";
            case POSTGRESQL -> "(CASE WHEN jsonb_typeof(e.config::jsonb #> CAST(? AS text[])) = 'number'"
                    + " THEN (e.config::jsonb #>> CAST(? AS text[]))::float8 END)";
            case MARIADB -> "(CASE WHEN JSON_TYPE(JSON_EXTRACT(e.config, ?)) IN ('INTEGER', 'DOUBLE')"
                    + " THEN CAST(JSON_VALUE(e.config, ?) AS DOUBLE) END)";
        };
    }

    /** The JSON value at a config path as its JSON text (any type; NULL without the key); one placeholder. */
    String configJson() {
        return switch (this) {
            case SQLITE -> "json_extract(e.config, ?)";
            case POSTGRESQL -> "(e.config::jsonb #>> CAST(? AS text[]))";
            case MARIADB -> "JSON_EXTRACT(e.config, ?)";
        };
    }

    /** Like {@link #configNumber()}, as text when the value is a JSON string. */
    String configText() {
        return switch (this) {
            case SQLITE -> "(CASE WHEN json_type(e.config, ?) = 'text' THEN json_extract(e.config, ?) END)";
            case POSTGRESQL -> "(CASE WHEN jsonb_typeof(e.config::jsonb #> CAST(? AS text[])) = 'string'"
                    + " THEN (e.config::jsonb #>> CAST(? AS text[])) END)";
            case MARIADB -> "(CASE WHEN JSON_TYPE(JSON_EXTRACT(e.config, ?)) = 'STRING'"
                    + " THEN JSON_VALUE(e.config, ?) END)";
        };
    }

    /** The bound form of a dotted config path: {@code $."a"."b"} (SQLite, MariaDB), {@code {"a","b"}} (PostgreSQL). */
    String jsonPath(String dottedPath) {
        String[] parts = dottedPath.split("\\.", -1);
        StringBuilder out = new StringBuilder();
        if (this != POSTGRESQL) {
            out.append('$');
            for (String part : parts) {
                out.append(".\"").append(part.replace("\"", "\\\"")).append('"');
            }
        } else {
            out.append('{');
            for (int i = 0; i < parts.length; i++) {
                out.append(i == 0 ? "" : ",").append('"').append(part(parts[i])).append('"');
            }
            out.append('}');
        }
        return out.toString();
    }

    private static String part(String key) {
        return key.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** True when the JSON tags array holds this tag. */
    String hasTag() {
        return switch (this) {
            case SQLITE -> "EXISTS (SELECT 1 FROM json_each(e.tags) t WHERE t.value = ?)";
            case POSTGRESQL -> "jsonb_exists(e.tags::jsonb, ?)";
            case MARIADB -> "JSON_CONTAINS(e.tags, JSON_QUOTE(?))";
        };
    }
}
