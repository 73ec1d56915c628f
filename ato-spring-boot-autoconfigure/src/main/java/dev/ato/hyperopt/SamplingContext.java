package dev.ato.hyperopt;

import dev.ato.Mode;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What a {@link Sampler} proposes from.
 *
 * @param domain  the parameters and their distributions
 * @param mode    whether larger or smaller values are better
 * @param number  the trial's number in the search, from 0 (a grid sampler walks its grid with it)
 * @param history every finished trial so far, in the order they were opened
 * @param random  a generator seeded from the search's seed and {@code number}
 */
public record SamplingContext(Domain domain, Mode mode, int number, List<Observation> history,
        SplittableRandom random) {
}
