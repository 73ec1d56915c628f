/**
 * The tracker's auto-configuration: the embedded SQLite database when the application has none, the schema
 * migrations, and the {@code Tracker}, {@code RunFinder} and {@code TrackedRuns} beans.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.tracker;

import org.jspecify.annotations.NullMarked;
