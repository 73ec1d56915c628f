/**
 * The experiment tracker: projects, runs, metrics, artifacts and code fingerprints stored in Python ato's tables
 * (SQLite, PostgreSQL), written by {@link dev.ato.tracker.Tracker} and read by {@link dev.ato.tracker.RunFinder}.
 */
package dev.ato.tracker;
