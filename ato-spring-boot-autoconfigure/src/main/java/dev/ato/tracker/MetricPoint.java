package dev.ato.tracker;

import java.time.Instant;

/** One stored metric value of a run. {@code value} may be NaN or infinite; {@code loggedAt} may be {@code null}. */
public record MetricPoint(String key, double value, long step, Instant loggedAt) {
}
