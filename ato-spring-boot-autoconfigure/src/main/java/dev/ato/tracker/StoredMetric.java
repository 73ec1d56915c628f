package dev.ato.tracker;

/**
 * One metric row with its id, the cursor of incremental reads ({@link RunFinder#metricsAfter}).
 *
 * @param value the stored value, NaN and infinities included (the database's representation already undone)
 */
public record StoredMetric(long id, String key, long step, double value) {
}
