package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.scope.Scope;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The base of every search over a {@link SearchSpace} grid (Python ato's {@code HyperOpt} with
 * {@code GridSpaceMixIn}): it prepares the grid, builds each trial's config from the base, handles failing trials,
 * and turns the rounds a subclass evaluates into a {@link HyperBandResult}.
 *
 * <p>A subclass only decides which candidates to evaluate and when, in {@link #search}; {@link HyperBand} is one,
 * and a random search fits in about twenty lines (see {@code docs/hyperband.md}). Configure a strategy before
 * running it; a configured strategy may run many searches, one at a time or concurrently.
 */
public abstract class SearchStrategy {

    private final SearchSpace space;
    private final Mode mode;
    private volatile boolean stopOnFirstFailure;

    protected SearchStrategy(SearchSpace space, Mode mode) {
        this.space = Objects.requireNonNull(space, "space");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** The space searched. */
    public final SearchSpace space() {
        return space;
    }

    /** Whether larger or smaller metrics are better. */
    public final Mode mode() {
        return mode;
    }

    /** Whether a trial that throws ends the search (true) or counts as the worst metric (false, the default). */
    public final boolean isStopOnFirstFailure() {
        return stopOnFirstFailure;
    }

    /** See {@link #isStopOnFirstFailure()}. */
    public final void setStopOnFirstFailure(boolean stop) {
        this.stopOnFirstFailure = stop;
    }

    /** Searches with trial configs built on a copy of {@code base}. */
    public final HyperBandResult run(ADict base, ToDoubleFunction<ADict> trial) {
        ADict snapshot = base.copy();
        return run(() -> snapshot, trial);
    }

    /**
     * Searches with each trial's config built on the full resolution of {@code scope} with {@code args} (default
     * views, the named views and literals in {@code args}, deferred blocks and lazy views), resolved afresh for every
     * trial; the candidate's parameter values and {@code __num_halved__} are merged over it. The arguments are
     * checked once before any trial runs.
     *
     * @throws dev.ato.AtoConfigException for a malformed literal or an unknown view in {@code args}
     */
    public final HyperBandResult run(Scope scope, List<String> args, ToDoubleFunction<ADict> trial) {
        Objects.requireNonNull(scope, "scope");
        List<String> arguments = List.copyOf(args);
        scope.resolve(arguments);
        return run(() -> scope.resolve(arguments).config(), trial);
    }

    /**
     * Searches with each trial's config built on a fresh {@code base.get()} (for example a scope resolution): the
     * base, then the candidate's parameter values and bookkeeping keys merged over it.
     */
    public final HyperBandResult run(Supplier<ADict> base, ToDoubleFunction<ADict> trial) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(trial, "trial");
        List<List<ADict>> logs = search(space.points(), new Trials(mode, base, trial, stopOnFirstFailure));
        if (logs.isEmpty() || logs.get(logs.size() - 1).isEmpty()) {
            throw new IllegalStateException(getClass().getName() + ".search evaluated nothing; it must return at "
                    + "least one round with at least one evaluated config");
        }
        ADict best = logs.get(logs.size() - 1).get(0);
        return new HyperBandResult(best, Trials.metric(best), logs);
    }

    /**
     * Evaluates candidates with {@code trials} and returns every round's evaluated configs, each ranked best first
     * ({@link Trials#rank}); the first config of the last round is the result.
     *
     * @param candidates the grid's points in Python ato's order, each holding only the parameter values
     */
    protected abstract List<List<ADict>> search(List<ADict> candidates, Trials trials);
}
