/**
 * Hyperparameter search. Python ato's: {@link dev.ato.hyperopt.SearchSpace} grids computed exactly as Python ato
 * computes them, {@link dev.ato.hyperopt.HyperBand} successive halving over such a grid, and
 * {@link dev.ato.hyperopt.SearchStrategy}, the small base type for other strategies over the grid. Beyond it:
 * {@link dev.ato.hyperopt.Tuner}, sampled searches over a {@link dev.ato.hyperopt.Domain} (continuous, integer and
 * choice parameters) with a {@link dev.ato.hyperopt.Sampler} (grid, random, TPE, BOHB, your own), a
 * {@link dev.ato.hyperopt.Plan} (trials with a {@link dev.ato.hyperopt.Pruner}, successive halving, Hyperband
 * brackets) and in-trial reports. {@link dev.ato.hyperopt.Halving} owns the halving rule (ranking, survivors,
 * promotions, brackets and the schedule) for every search and the dashboard. {@link dev.ato.hyperopt.Searches}
 * records both kinds in the tracker's database: they resume by id and spread over worker processes.
 *
 * <p>Uses {@code adict}, {@code scope} (trial configs from a resolution) and {@code tracker} (one run per trial);
 * never Spring.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.hyperopt;

import org.jspecify.annotations.NullMarked;
