package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One run as {@link RunFinder} reports it: the {@code experiments} row with its config parsed.
 *
 * @param status      the stored status, except that a {@code running} run whose heartbeat is older than the grace
 *                    period is reported {@code crashed}; Python ato may store others (e.g. {@code aborted})
 * @param startTime   UTC; {@code endTime} and {@code heartbeatAt} may be {@code null}
 * @param endReason   why the run ended (an exception, a signal, a missed heartbeat), or {@code null}
 */
public record Run(long id, long projectId, ADict config, String structuralHash, List<String> tags, @Nullable String status,
                  Instant startTime, @Nullable Instant endTime, @Nullable Instant heartbeatAt, @Nullable String endReason) {

    /** The status as a {@link RunStatus}, empty for a status only Python ato uses. */
    public Optional<RunStatus> runStatus() {
        for (RunStatus s : RunStatus.values()) {
            if (s.dbValue().equals(status == null ? null : status.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
