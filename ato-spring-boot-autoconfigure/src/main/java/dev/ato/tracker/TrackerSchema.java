package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates and upgrades the tracker's tables with a Flyway instance of Ato's own: its scripts live in
 * {@value #LOCATIONS} (not under Flyway's default {@code db/migration}, so an application's own Flyway never sees
 * them) and its history in {@value #HISTORY_TABLE} (never in the application's {@code flyway_schema_history}).
 *
 * <p>Three kinds of existing database are adopted without loss: one a previous Ato release migrated (Ato's versions
 * in {@code flyway_schema_history}: they are carried over, and that table is dropped only when nothing but Ato's
 * versions are in it), one Python ato created (recognised by Python ato's own tables and columns: baselined at
 * version 1), and one that holds an application's unrelated tables (Ato's schema is created next to them).
 */
public final class TrackerSchema {

    /** Where Ato's migrations live; {@code {vendor}} is {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public static final String LOCATIONS = "classpath:dev/ato/tracker/migration/{vendor}";

    /** Ato's own Flyway history table. */
    public static final String HISTORY_TABLE = "ato_schema_history";

    /** The newest migration shipped (the same for every vendor); a test keeps it in step with the scripts. */
    static final String NEWEST_VERSION = "2.1";

    /** The history table releases before 0.2 shared with the application. */
    static final String LEGACY_HISTORY_TABLE = "flyway_schema_history";

    /** The scripts earlier releases recorded in {@value #LEGACY_HISTORY_TABLE}, and their baseline. */
    private static final Set<String> LEGACY_SCRIPTS = Set.of("V1__python_ato_schema.sql", "V2__ato_additions.sql",
            "V2_1__hyperband_searches.sql");
    private static final String PYTHON_BASELINE = "tables created by Python ato";

    private TrackerSchema() {
    }

    /**
     * The health of the tracker database, for a health endpoint; migrates nothing.
     *
     * @param reachable     a valid connection was had
     * @param database      the database product name
     * @param schemaVersion the newest applied migration in {@value #HISTORY_TABLE}, or {@code null} when the schema
     *                      is not created yet
     * @param writable      a row was written and rolled back; {@code null} when not checked (no schema yet)
     * @param current       the schema is at {@link #newestVersion()}
     * @param writeError    why the write failed, or {@code null}
     */
    public record Health(boolean reachable, @Nullable String database, @Nullable String schemaVersion, @Nullable Boolean writable,
                         boolean current, @Nullable String writeError) {
    }

    /**
     * Checks that {@code dataSource} is reachable, writable (one {@code projects} row inserted and rolled back) and
     * at this release's schema version. Failures to connect or write are thrown as they come.
     */
    public static Health health(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(5)) {
                return new Health(false, null, null, null, false, null);
            }
            String product = connection.getMetaData().getDatabaseProductName();
            String version = appliedVersion(connection);
            if (version == null) {
                return new Health(true, product, null, null, false, null);
            }
            String writeError = null;
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO projects (name) VALUES (?)")) {
                insert.setString(1, "ato-health-" + java.util.UUID.randomUUID());
                insert.executeUpdate();
            } catch (SQLException e) {
                writeError = e.getMessage();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
            return new Health(true, product, version, writeError == null, isCurrent(dataSource), writeError);
        }
    }

    private static @Nullable String appliedVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM " + HISTORY_TABLE
                     + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException noHistory) {
            return null;
        }
    }

    /** The version of the newest migration Ato ships (what {@link #isCurrent} looks for). */
    public static String newestVersion() {
        return NEWEST_VERSION;
    }

    /** Brings the schema behind {@code dataSource} to the newest version; safe to call on every start. */
    public static void migrate(DataSource dataSource) {
        if (!isCurrent(dataSource)) {
            migrate(Database.of(dataSource));
        }
    }

    /** Brings the schema of {@code database} to the newest version; safe to call on every start. */
    public static void migrate(Database database) {
        if (isCurrent(database.dataSource())) {
            return;
        }
        try {
            migrateOnce(database);
        } catch (FlywayException | SQLException raced) {
            // Two processes may migrate a new database at once; the loser finds the winner's history the second time.
            try {
                migrateOnce(database);
            } catch (FlywayException | SQLException e) {
                e.addSuppressed(raced);
                throw new AtoConfigException("cannot create or upgrade the tracker schema: " + e.getMessage(), e);
            }
        }
    }

    /**
     * True only when {@value #HISTORY_TABLE} records the newest migration as applied: one query, so that a read-only
     * command (runs list, runs best) does not load and start Flyway on every invocation.
     */
    public static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + HISTORY_TABLE
                     + " WHERE success AND version = '" + NEWEST_VERSION + "'")) {
            return rows.next() && rows.getInt(1) > 0;
        } catch (SQLException notYetMigrated) {
            return false; // no history table yet: let Flyway decide
        }
    }

    private static void migrateOnce(Database database) throws SQLException {
        DataSource dataSource = database.dataSource();
        String vendor = database.vendor();
        Adoption adoption;
        try (Connection connection = dataSource.getConnection()) {
            adoption = Adoption.of(connection);
        }
        if (adoption.baselineVersion() != null) {
            flyway(dataSource, vendor).baselineVersion(adoption.baselineVersion())
                    .baselineDescription(adoption.description()).load().baseline();
            if (adoption.dropLegacyHistory()) {
                try (Connection connection = dataSource.getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE " + LEGACY_HISTORY_TABLE);
                }
            }
        }
        // A schema holding only an application's tables gets a baseline at 0: all of Ato's versions then apply.
        flyway(dataSource, vendor).baselineOnMigrate(true).baselineVersion("0")
                .baselineDescription("schema held other tables").load().migrate();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource, String vendor) {
        return Flyway.configure().dataSource(dataSource).table(HISTORY_TABLE)
                .locations(LOCATIONS.replace("{vendor}", vendor));
    }

    /**
     * How an existing database without Ato's history table is taken over: the version its tables are at (null when
     * Flyway should simply migrate), and whether the old shared history table was Ato's alone.
     */
    record Adoption(@Nullable String baselineVersion, @Nullable String description, boolean dropLegacyHistory) {

        static Adoption of(Connection connection) throws SQLException {
            if (hasTable(connection, HISTORY_TABLE)) {
                return new Adoption(null, null, false);
            }
            if (hasTable(connection, LEGACY_HISTORY_TABLE)) {
                List<String[]> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT version, script, description, success FROM "
                             + LEGACY_HISTORY_TABLE)) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                                String.valueOf(rs.getBoolean(4))});
                    }
                }
                String newest = null;
                boolean onlyAto = true;
                for (String[] row : rows) {
                    boolean ato = LEGACY_SCRIPTS.contains(row[1]) || PYTHON_BASELINE.equals(row[2]);
                    onlyAto &= ato;
                    if (ato && row[0] != null && Boolean.parseBoolean(row[3])
                            && (newest == null || compareVersions(row[0], newest) > 0)) {
                        newest = row[0];
                    }
                }
                if (newest != null) {
                    return new Adoption(newest, "carried over from " + LEGACY_HISTORY_TABLE, onlyAto);
                }
            }
            if (isPythonAto(connection)) {
                return new Adoption("1", PYTHON_BASELINE, false);
            }
            return new Adoption(null, null, false);
        }

        /** Python ato's five tables, with the columns that make them Python ato's (not an app's own "projects"). */
        static boolean isPythonAto(Connection connection) throws SQLException {
            return hasColumns(connection, "projects", "id", "name", "created_at")
                    && hasColumns(connection, "experiments", "id", "project_id", "config", "structural_hash", "tags",
                            "status", "start_time", "end_time")
                    && hasColumns(connection, "metrics", "run_id", "key", "value", "step", "timestamp")
                    && hasColumns(connection, "artifacts", "run_id", "path", "data_type", "data_info")
                    && hasColumns(connection, "fingerprints", "run_id", "trace_id", "trace_type", "fingerprint");
        }

        static boolean hasTable(Connection connection, String table) throws SQLException {
            return !columns(connection, table).isEmpty();
        }

        private static boolean hasColumns(Connection connection, String table, String... names) throws SQLException {
            return columns(connection, table).containsAll(List.of(names));
        }

        /** The lower-case column names of a table in the connection's current catalog and schema. */
        private static Set<String> columns(Connection connection, String table) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            Set<String> names = new java.util.HashSet<>();
            for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), candidate, null)) {
                    while (rs.next()) {
                        names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!names.isEmpty()) {
                    break;
                }
            }
            return names;
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }
}
