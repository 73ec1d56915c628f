package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;

/**
 * One finished trial as samplers and pruners see it.
 *
 * @param params  the parameter values the trial ran with
 * @param value   its result (for a pruned trial, its last reported value); NaN for a failure
 * @param budget  the budget it ran with (for a pruned trial, the step it reached)
 * @param pruned  whether a pruner stopped it before its budget was spent
 */
public record Observation(ADict params, double value, double budget, boolean pruned) {

    /** The value as a loss, smaller is better; NaN (a failure) becomes the worst. */
    public double loss(Mode mode) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return mode == Mode.MAX ? -value : value;
    }
}
