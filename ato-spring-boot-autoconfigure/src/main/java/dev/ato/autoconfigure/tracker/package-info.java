/**
 * The tracker's auto-configuration: the embedded SQLite database when the application has none, the schema
 * migrations, and the {@code Tracker}, {@code RunFinder} and {@code TrackedRuns} beans.
 */
package dev.ato.autoconfigure.tracker;
