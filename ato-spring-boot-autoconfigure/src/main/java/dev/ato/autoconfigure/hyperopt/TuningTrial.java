package dev.ato.autoconfigure.hyperopt;

import dev.ato.hyperopt.TrialFunction;

/**
 * The application's trial for sampled searches: trains {@code trial.config()} for {@code trial.budget()}, reporting
 * intermediate values and stopping when {@code trial.shouldStop()}. Define one as a bean and the {@code tune} Shell
 * commands run and join searches with it; without one they use the {@link HyperBandTrial} bean (which sees the
 * budget as {@code __budget__} in its config and is never pruned).
 */
@FunctionalInterface
public interface TuningTrial extends TrialFunction {
}
