package dev.ato.scope;

/**
 * A code or result fingerprint for the tracker ({@code RunHandle.fingerprint(traceId, traceType, hash)}).
 *
 * @param traceId   the name the user gave the trace
 * @param traceType {@code "static"} (a method's bytecode) or {@code "runtime"} (a result's canonical JSON)
 * @param hash      lowercase hex SHA-256
 */
public record Fingerprint(String traceId, String traceType, String hash) {

    /** Trace type of a method's bytecode fingerprint. */
    public static final String STATIC = "static";
    /** Trace type of a result's fingerprint. */
    public static final String RUNTIME = "runtime";
}
