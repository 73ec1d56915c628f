package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.util.List;

/**
 * What a sampled search found.
 *
 * @param config the best trial's config (base, parameter values, bookkeeping keys) with {@code __metric__}
 * @param value  its result
 * @param budget the budget it ran with: the largest any finished trial reached
 * @param trials every finished trial, in the order they finished (for a tracked search: the order they were opened)
 */
public record TuningResult(ADict config, double value, double budget, List<TrialSummary> trials) {

    public TuningResult {
        trials = List.copyOf(trials);
    }

    /** The budget all trials spent together (a pruned trial counts the steps it ran). */
    public double budgetSpent() {
        return trials.stream().mapToDouble(TrialSummary::spent).sum();
    }

    /**
     * One finished trial.
     *
     * @param number  the config's number in the search (kept when promoted to a larger budget)
     * @param bracket the Hyperband bracket it belongs to (0 for a trials plan)
     * @param rung    its rung in the bracket ({@code __num_halved__})
     * @param budget  the budget it was given
     * @param spent   the budget it used: its budget, or the last step it reported when pruned
     * @param params  the sampled parameter values
     * @param status  {@code done}, {@code pruned} or {@code failed}
     * @param value   its result (the last report when pruned; NaN when failed)
     * @param runId   its tracker run, or {@code null} when untracked
     */
    public record TrialSummary(int number, int bracket, int rung, double budget, double spent, ADict params,
            String status, double value, @Nullable Long runId) {
    }
}
