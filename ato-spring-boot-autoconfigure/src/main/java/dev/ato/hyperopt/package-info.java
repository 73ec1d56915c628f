/**
 * Hyperparameter search: {@link dev.ato.hyperopt.SearchSpace} grids computed exactly as Python ato computes them,
 * {@link dev.ato.hyperopt.HyperBand} successive halving over such a grid, and {@link dev.ato.hyperopt.SearchStrategy},
 * the small base type for other strategies (random search, custom schedules) that reuse the grid.
 *
 * <p>Uses {@code adict}; never Spring.
 */
package dev.ato.hyperopt;
