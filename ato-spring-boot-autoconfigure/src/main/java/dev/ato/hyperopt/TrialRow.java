package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

/**
 * One row of {@code ato_search_trials}: a candidate (parameter values and {@code __num_halved__}) to evaluate at a
 * generation, and what became of it. {@code metric} is NaN while unknown, for a NaN result, and for a failure.
 */
record TrialRow(long id, int generation, int position, boolean isFinal, ADict candidate, String status,
        double metric, @Nullable Long runId, @Nullable String error, boolean promoted) {

    static final String PENDING = "pending";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    /** A trial a pruner stopped early; its metric is its last reported value. */
    static final String PRUNED = "pruned";

    boolean finished() {
        return status.equals(DONE) || status.equals(FAILED) || status.equals(PRUNED);
    }
}
