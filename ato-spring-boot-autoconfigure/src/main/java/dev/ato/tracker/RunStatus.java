package dev.ato.tracker;

import java.util.Locale;

/**
 * The state of a run as stored in the {@code experiments.status} column (lower case, as Python ato writes it).
 * Only {@link #RUNNING} is open; every other state is terminal and sets {@code end_time}.
 */
public enum RunStatus {
    /** The run is open and its process is alive (its heartbeat is fresh). */
    RUNNING,
    /** The run ended normally. */
    COMPLETED,
    /** The run ended through an exception. */
    FAILED,
    /** The JVM was asked to stop (SIGTERM, SIGINT, {@code System.exit}) while the run was open. */
    KILLED,
    /** The process died without a word: its heartbeat is older than the grace period. */
    CRASHED,
    /**
     * A search trial's run that finished after another worker had taken the trial over (its lease ran out, e.g. the
     * process was paused) and recorded it: kept for the record, but left out of project queries ({@code runs list},
     * {@code runs best}, {@link RunFinder}) so the trial counts once.
     */
    SUPERSEDED,
    /**
     * A search's pruner stopped the run early ({@code dev.ato.hyperopt.Trial#shouldStop}): it ended normally but did
     * not spend its budget. Ato's own status; Python ato stores the text as it is and lists it like any other.
     */
    PRUNED;

    /** The text stored in the database, e.g. {@code completed}. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
