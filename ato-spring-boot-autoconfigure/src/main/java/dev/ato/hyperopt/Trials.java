package dev.ato.hyperopt;

import dev.ato.AtoException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Runs trials for a {@link SearchStrategy}: builds each trial's config (a fresh base, then the candidate's values),
 * calls the user's function, and records the metric in the config as {@code __metric__}.
 *
 * <p>A trial that throws counts as the worst possible metric ({@code -Infinity} when maximising, {@code +Infinity}
 * when minimising) and its config carries {@code __error__} with the exception; a NaN metric ranks as the worst
 * too. When the search was asked to stop on the first failure, the exception ends the search instead.
 */
public final class Trials {

    /** The key holding a trial's metric in an evaluated config. */
    public static final String METRIC = "__metric__";
    /** The key holding a failed trial's exception (class and message) in an evaluated config. */
    public static final String ERROR = "__error__";

    private final Mode mode;
    private final Supplier<ADict> base;
    private final ToDoubleFunction<ADict> trial;
    private final boolean stopOnFirstFailure;
    private int evaluations;

    Trials(Mode mode, Supplier<ADict> base, ToDoubleFunction<ADict> trial, boolean stopOnFirstFailure) {
        this.mode = mode;
        this.base = base;
        this.trial = trial;
        this.stopOnFirstFailure = stopOnFirstFailure;
    }

    /** Whether larger or smaller metrics are better. */
    public Mode mode() {
        return mode;
    }

    /**
     * Runs one trial for {@code candidate} (parameter values and bookkeeping keys; a previous {@code __metric__}
     * is dropped) and returns its frozen, evaluated config.
     */
    public ADict evaluate(ADict candidate) {
        ADict values = candidate.copy();
        values.remove(METRIC);
        values.remove(ERROR);
        ADict config = base.get().copy().merge(values);
        evaluations++;
        double metric;
        String error = null;
        try {
            metric = trial.applyAsDouble(config.copy());
        } catch (RuntimeException e) {
            if (stopOnFirstFailure) {
                throw new AtoException("trial " + evaluations + " failed for config " + config.toMap()
                        + "; the search stopped because stopOnFirstFailure is set", e);
            }
            metric = Halving.worst(mode);
            error = e.toString();
        }
        config.put(METRIC, metric);
        if (error != null) {
            config.put(ERROR, error);
        }
        return config.freeze();
    }

    /** {@link #evaluate} for each candidate, in order. */
    public List<ADict> evaluateAll(List<ADict> candidates) {
        List<ADict> evaluated = new ArrayList<>(candidates.size());
        candidates.forEach(c -> evaluated.add(evaluate(c)));
        return evaluated;
    }

    /** The evaluated configs sorted best first; ties keep their order (a stable sort, like Python's). */
    public List<ADict> rank(List<ADict> evaluated) {
        return Halving.rank(evaluated, Trials::metric, mode);
    }

    /** The {@code __metric__} of an evaluated config. */
    public static double metric(ADict evaluated) {
        return evaluated.getDouble(METRIC);
    }
}
