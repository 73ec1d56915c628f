package dev.ato.tracker;

import java.time.Duration;

/**
 * What a {@link Tracker} reports as it works, for meters and health checks ({@link Tracker#addListener}). Every
 * method has an empty default. {@link #metricLogged} runs on the thread that logs the metric and
 * {@link #batchWritten} on the writer thread, so both must be quick and must not throw; an exception thrown by a
 * listener is ignored.
 */
public interface TrackerListener {

    /** The listener was added to {@code tracker} (to read {@link Tracker#queuedMetrics()} later, for example). */
    default void attached(Tracker tracker) {
    }

    /** A run was stored as {@code running}. */
    default void runStarted(RunHandle run, String project) {
    }

    /** A run of this tracker ended with {@code status} ({@code completed}, {@code failed}, {@code killed}). */
    default void runEnded(RunHandle run, RunStatus status) {
    }

    /** The heartbeat marked {@code count} silent runs (of any process) {@code crashed}. */
    default void runsCrashed(int count) {
    }

    /** A metric value was logged (it is buffered; {@link #batchWritten} reports when it is written). */
    default void metricLogged(long runId, String key, double value, long step) {
    }

    /** The writer committed {@code size} metrics in one transaction that took {@code elapsed}. */
    default void batchWritten(int size, Duration elapsed) {
    }
}
