package dev.ato.hyperopt;

import dev.ato.adict.ADict;

/**
 * Proposes the parameter values of the next trial of a sampled search. Implement it to add a search algorithm of
 * your own: Ato calls {@link #sample} whenever a schedule opens a trial, with everything observed so far and a
 * random generator seeded from the search's seed and the trial's number, so a search is reproducible and a resumed
 * or distributed one proposes the same values. Implementations must be stateless (or keep only caches): workers
 * in other processes build their own instance.
 *
 * <p>The built-in samplers are {@link Samplers#grid}, {@link Samplers#random}, {@link Samplers#tpe} and
 * {@link Samplers#bohb}.
 */
public interface Sampler {

    /** The parameter values (one per parameter of {@code context.domain()}, nested for dotted names). */
    ADict sample(SamplingContext context);

    /**
     * How a tracked search stores this sampler so other workers rebuild it ({@link Samplers#from}): by default the
     * class name, rebuilt through its public no-argument constructor.
     */
    default ADict spec() {
        return new ADict().put("type", "class").put("class", getClass().getName());
    }
}
