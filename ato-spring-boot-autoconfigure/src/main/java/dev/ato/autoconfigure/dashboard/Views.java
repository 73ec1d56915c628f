package dev.ato.autoconfigure.dashboard;

import java.util.List;
import java.util.Map;

/** The JSON shapes the dashboard's endpoints return; the pages render them as text, never as markup. */
final class Views {

    private Views() {
    }

    record ProjectSummary(String name, String description, long runs) {
    }

    /**
     * One row of the runs table; {@code config} holds only the keys whose values differ between the runs,
     * {@code metrics} every metric key the run logged.
     */
    record RunRow(long id, String status, String startTime, String endTime, List<String> tags, String structuralHash,
                  Map<String, Object> config, Map<String, MetricCell> metrics) {
    }

    /** A run's metric in the runs table: last logged value, lowest, highest ({@code null} when not finite). */
    record MetricCell(Double last, Double min, Double max, long count) {
    }

    /**
     * One page of the runs table: the keys the column chooser offers, how many runs match the filters
     * ({@code total}), the page, the order, for grouped pages the size of each structure group on the page (by
     * hash, {@code ""} for none), and the rows.
     */
    record RunsPage(String project, List<String> varyingKeys, List<String> metricKeys, long total, long offset,
                    int limit, String sort, String dir, Map<String, Long> groups, List<RunRow> runs) {
    }

    record ArtifactRow(String path, String dataType, String dataInfo, Long sizeBytes, String sha256) {
    }

    record FingerprintRow(String traceId, String traceType, String fingerprint) {
    }

    /** A run with its config tree and, when the run recorded them, each key's origin. */
    record RunDetail(long id, String project, String status, String startTime, String endTime, String endReason,
                     List<String> tags, String structuralHash, Map<String, Object> config, Map<String, String> origins,
                     List<ArtifactRow> artifacts, List<FingerprintRow> fingerprints) {
    }

    /**
     * One metric key's points in step (or, for raw pages, storage) order; {@code null} values are NaN or infinite.
     * {@code count} is how many points are stored in the range; {@code exact} when all of them are here (otherwise
     * each bucket's first, lowest, highest and last); {@code minStep}/{@code maxStep} the whole series' range.
     */
    record Series(List<Long> steps, List<Double> values, long count, boolean exact, long minStep, long maxStep) {
    }

    /** A run's series as a chart first draws them, and the cursor from which to poll new points. */
    record SeriesSet(long runId, String status, long cursor, Map<String, Series> series) {
    }

    /**
     * Raw metric points of a run after a cursor, with the run's status so a page knows when to stop asking;
     * {@code more} when the page was full and the next page starts at {@code cursor}.
     */
    record MetricBatch(long runId, String status, long cursor, boolean more, Map<String, Series> series) {
    }

    /** One config key across the compared runs; {@code present} says which runs have it. */
    record KeyDiff(String key, List<Object> values, List<Boolean> present, List<String> types, boolean differs) {
    }

    /** Two to ten runs side by side: every config key, and whether the config structures match. */
    record Comparison(List<RunDetail> runs, List<KeyDiff> keys, boolean sameStructure) {
    }

    record SearchSummary(String id, String project, String status, int generation, Long bestRunId, Double bestMetric,
                         long createdMs) {
    }

    /**
     * One evaluation of a search; {@code outcome} is {@code survived} or {@code cut} (decided by the search's
     * {@code Halving} rule), {@code pending} while its generation runs, or {@code final} for the re-evaluation.
     */
    record TrialRow(int generation, int position, Object candidate, String status, Double metric, Long runId,
                    boolean survivor, boolean isFinal, String outcome) {
    }

    record SearchDetail(String id, String project, Object space, Object settings, String status, int generation,
                        Long bestRunId, Double bestMetric, Object bestConfig, String error, List<TrialRow> trials) {
    }

    /** One applied layer of a scope's resolution, as the merge-order page shows it. */
    record LayerView(int index, String name, String kind, int priority, Map<String, Object> values,
                     List<String> removed) {
    }

    record KeyOrigin(String key, Object value, String origin) {
    }

    record ScopeView(String name, List<LayerView> layers, List<KeyOrigin> keys) {
    }

    record HistoryEntry(String layer, String kind, Object value, boolean removed, String description) {
    }
}
