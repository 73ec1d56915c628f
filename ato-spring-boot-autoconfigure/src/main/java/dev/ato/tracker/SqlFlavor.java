package dev.ato.tracker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** What differs between SQLite and PostgreSQL in the SQL the tracker issues; everything else is shared. */
enum SqlFlavor {
    SQLITE,
    POSTGRESQL;

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

    static final int BUSY_TIMEOUT_MS = 10_000;

    static SqlFlavor of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("sqlite")) {
            return SQLITE;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("the tracker supports SQLite and PostgreSQL, not " + product);
    }

    /** Per-connection settings SQLite does not keep in the file. */
    void prepare(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                st.execute("PRAGMA foreign_keys = ON");
            }
        }
    }

    /** Settings SQLite keeps in the file: the WAL journal, so readers never block the writer (e.g. a Spring DataSource). */
    void persistSettings(Connection connection) throws SQLException {
        if (this == SQLITE) {
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                st.execute("PRAGMA journal_mode = WAL");
            }
        }
    }

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

    /** A lock conflict worth retrying: SQLite's BUSY/LOCKED, PostgreSQL's serialization failure or deadlock. */
    boolean isTransient(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode() & 0xff;
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                if (this == SQLITE && (code == 5 || code == 6 || message.contains("SQLITE_BUSY")
                        || message.contains("database is locked"))) {
                    return true;
                }
                if (this == POSTGRESQL && ("40001".equals(state) || "40P01".equals(state))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The placeholder for a JSON value: PostgreSQL needs the text cast to {@code json}. */
    String jsonParameter() {
        return this == SQLITE ? "?" : "CAST(? AS json)";
    }

    void setTime(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setObject(index, null);
        } else if (this == SQLITE) {
            ps.setString(index, PYTHON_DATETIME.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)));
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
        }
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
     * Binds a metric value. SQLite turns a bound NaN into NULL, which the NOT NULL column rejects, so NaN is
     * stored as the text {@code 'NaN'}; PostgreSQL stores NaN natively.
     */
    void setMetricValue(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value) && this == SQLITE) {
            ps.setString(index, "NaN");
        } else {
            ps.setDouble(index, value);
        }
    }

    double getMetricValue(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return value == null ? Double.NaN : Double.parseDouble(String.valueOf(value));
    }

    /** A condition true for a metric value that is a number (not NaN), so rankings ignore NaN. */
    String isNumber(String column) {
        return this == SQLITE ? "typeof(" + column + ") IN ('real', 'integer')" : column + " <> 'NaN'::float8";
    }

    /**
     * The JSON value at a config path, as a number when it is a JSON number and NULL otherwise. The SQL holds two
     * placeholders, both bound to {@link #jsonPath}.
     */
    String configNumber() {
        return this == SQLITE
                ? "(CASE WHEN json_type(e.config, ?) IN ('integer', 'real') THEN json_extract(e.config, ?) END)"
                : "(CASE WHEN jsonb_typeof(e.config::jsonb #> CAST(? AS text[])) = 'number'"
                        + " THEN (e.config::jsonb #>> CAST(? AS text[]))::float8 END)";
    }

    /** Like {@link #configNumber()}, as text when the value is a JSON string. */
    String configText() {
        return this == SQLITE
                ? "(CASE WHEN json_type(e.config, ?) = 'text' THEN json_extract(e.config, ?) END)"
                : "(CASE WHEN jsonb_typeof(e.config::jsonb #> CAST(? AS text[])) = 'string'"
                        + " THEN (e.config::jsonb #>> CAST(? AS text[])) END)";
    }

    /** The bound form of a dotted config path: {@code $."a"."b"} on SQLite, {@code {"a","b"}} on PostgreSQL. */
    String jsonPath(String dottedPath) {
        String[] parts = dottedPath.split("\\.", -1);
        StringBuilder out = new StringBuilder();
        if (this == SQLITE) {
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
        return this == SQLITE
                ? "EXISTS (SELECT 1 FROM json_each(e.tags) t WHERE t.value = ?)"
                : "jsonb_exists(e.tags::jsonb, ?)";
    }
}
