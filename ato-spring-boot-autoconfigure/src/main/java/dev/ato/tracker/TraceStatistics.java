package dev.ato.tracker;

/**
 * How many distinct versions of one trace a project's runs recorded, by kind: {@code static} (code) and
 * {@code runtime} (outputs), as Python ato's {@code get_trace_statistics} counts them.
 */
public record TraceStatistics(String project, String traceId, long staticTraceVersions, long runtimeTraceVersions) {
}
