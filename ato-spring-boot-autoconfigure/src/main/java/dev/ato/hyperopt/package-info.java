/**
 * Hyperparameter search: {@link dev.ato.hyperopt.SearchSpace} grids computed exactly as Python ato computes them,
 * {@link dev.ato.hyperopt.HyperBand} successive halving over such a grid ({@link dev.ato.hyperopt.Halving} owns the
 * halving rule: ranking, survivors, promotions and the schedule, for every search and the dashboard), {@link dev.ato.hyperopt.SearchStrategy},
 * the small base type for other strategies (random search, custom schedules) that reuse the grid, and
 * {@link dev.ato.hyperopt.Searches}, tracked searches that resume by id and spread over worker processes through
 * the tracker's database.
 *
 * <p>Uses {@code adict}, {@code scope} (trial configs from a resolution) and {@code tracker} (one run per trial);
 * never Spring.
 */
package dev.ato.hyperopt;
