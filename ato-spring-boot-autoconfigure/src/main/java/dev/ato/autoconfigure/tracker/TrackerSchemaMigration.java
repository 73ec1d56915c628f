package dev.ato.autoconfigure.tracker;

import javax.sql.DataSource;

/**
 * Proof that the tracker's tables on {@code dataSource} are migrated: the Tracker and RunFinder beans depend on it,
 * so whichever is used first migrates the schema, once.
 *
 * @param dataSource the migrated database
 */
public record TrackerSchemaMigration(DataSource dataSource) {
}
