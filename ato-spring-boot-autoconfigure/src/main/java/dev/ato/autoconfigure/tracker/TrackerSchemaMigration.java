package dev.ato.autoconfigure.tracker;

import dev.ato.tracker.Database;

import javax.sql.DataSource;

/**
 * Proof that the tracker's tables in {@code database} are migrated: the Tracker and RunFinder beans depend on it,
 * so whichever is used first migrates the schema, once.
 *
 * @param database the migrated database (the application's DataSource, its vendor detected once)
 */
public record TrackerSchemaMigration(Database database) {

    /** The application's DataSource behind {@link #database()}. */
    public DataSource dataSource() {
        return database.dataSource();
    }
}
