package dev.ato.hyperopt;

import dev.ato.adict.ADict;

import java.util.List;

/**
 * What a search returns: the best config (its parameters, {@code __num_halved__} for HyperBand, and its
 * {@code __metric__}), that metric, and every round's evaluated configs ranked best first.
 *
 * <p>For {@link HyperBand} each entry of {@code logs} is one generation and the last entry holds the single
 * re-evaluation of the winner, exactly as Python ato's {@code logs}; other strategies return their own rounds.
 * Configs are frozen; {@link ADict#copy()} one to change it.
 */
public record HyperBandResult(ADict config, double metric, List<List<ADict>> logs) {

    public HyperBandResult {
        logs = logs.stream().map(List::copyOf).toList();
    }
}
