package dev.ato.autoconfigure.hyperopt;

import dev.ato.adict.ADict;

import java.util.function.ToDoubleFunction;

/**
 * The application's trial: trains (or evaluates) one config and returns its metric. Define one as a bean and the
 * {@code hyperband} Shell commands can run and join searches with it; {@link HyperBandService} also takes any
 * {@code ToDoubleFunction<ADict>}, such as a bean method reference.
 */
@FunctionalInterface
public interface HyperBandTrial extends ToDoubleFunction<ADict> {
}
