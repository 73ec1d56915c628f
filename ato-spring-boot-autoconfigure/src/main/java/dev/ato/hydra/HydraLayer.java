package dev.ato.hydra;

import dev.ato.adict.ADict;

/**
 * One step of a composition seen as layers ({@link Hydra#layers}): the file ({@code db/mysql.yaml}),
 * {@code command line} or {@code interpolation} that produced it, and the whole config after it (the top-level
 * {@code hydra} node left out).
 *
 * @param source what this layer is
 * @param config the config after this layer, a frozen copy
 */
public record HydraLayer(String source, ADict config) {

    public HydraLayer {
        config = config.copy().freeze();
    }
}
