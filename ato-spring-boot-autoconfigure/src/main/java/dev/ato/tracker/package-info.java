/**
 * The experiment tracker: projects, runs, metrics, artifacts and code fingerprints stored in Python ato's tables
 * (SQLite, PostgreSQL, MariaDB), written by {@link dev.ato.tracker.Tracker} and read by {@link dev.ato.tracker.RunFinder}.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.tracker;

import org.jspecify.annotations.NullMarked;
