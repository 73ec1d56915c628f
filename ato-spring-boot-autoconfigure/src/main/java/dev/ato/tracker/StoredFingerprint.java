package dev.ato.tracker;

/** One code fingerprint of a run as stored: the trace id, its type ({@code static} or {@code runtime}) and hash. */
public record StoredFingerprint(String traceId, String traceType, String fingerprint) {
}
