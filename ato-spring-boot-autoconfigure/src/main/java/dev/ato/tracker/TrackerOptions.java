package dev.ato.tracker;

import dev.ato.AtoConfigException;

import java.time.Duration;

/**
 * Tuning of a {@link Tracker} and {@link RunFinder}: how often metrics are flushed and heartbeats written, after how
 * long a silent run counts as crashed, and how many metrics may wait in memory.
 *
 * @param flushInterval     the longest time a logged metric waits before it is written (at most one second)
 * @param heartbeatInterval how often an open run's heartbeat is written
 * @param crashGrace        a {@code running} run whose heartbeat is older than this is reported {@code crashed}
 * @param queueCapacity     metrics buffered before {@code logMetric} waits for the writer
 * @param batchSize         the most metrics written in one transaction
 */
public record TrackerOptions(Duration flushInterval, Duration heartbeatInterval, Duration crashGrace,
                             int queueCapacity, int batchSize) {

    public TrackerOptions {
        if (flushInterval.isNegative() || flushInterval.isZero() || flushInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new AtoConfigException("TrackerOptions.flushInterval must be > 0 and at most 1 s (metrics are flushed at least every second), was " + flushInterval);
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new AtoConfigException("TrackerOptions.heartbeatInterval must be > 0, was " + heartbeatInterval);
        }
        if (crashGrace.compareTo(heartbeatInterval) <= 0) {
            throw new AtoConfigException("TrackerOptions.crashGrace (" + crashGrace + ") must be longer than heartbeatInterval ("
                    + heartbeatInterval + "), or live runs would be reported crashed");
        }
        if (queueCapacity < 1 || batchSize < 1) {
            throw new AtoConfigException("TrackerOptions.queueCapacity and batchSize must be >= 1, were " + queueCapacity
                    + " and " + batchSize);
        }
    }

    /** Flush every 200 ms, heartbeat every 5 s, crashed after 30 s of silence, 65,536 queued metrics, batches of 8,192. */
    public static TrackerOptions defaults() {
        return new TrackerOptions(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30), 65_536, 8_192);
    }

    /** A copy with another heartbeat interval and crash grace period (tests use short ones). */
    public TrackerOptions withHeartbeat(Duration interval, Duration grace) {
        return new TrackerOptions(flushInterval, interval, grace, queueCapacity, batchSize);
    }

    /** A copy with another queue capacity and batch size. */
    public TrackerOptions withBuffer(int capacity, int batch) {
        return new TrackerOptions(flushInterval, heartbeatInterval, crashGrace, capacity, batch);
    }
}
