package dev.ato.tracker;

import java.time.Instant;

/** One logged metric waiting in the writer's queue. */
record PendingMetric(long runId, String key, double value, long step, Instant loggedAt) {
}
