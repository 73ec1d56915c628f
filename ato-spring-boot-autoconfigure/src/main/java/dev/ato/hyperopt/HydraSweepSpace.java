package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.hydra.HydraSweep;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns a Hydra multirun command line into a search space: each swept key becomes a CATEGORY parameter whose values
 * are the sweep's, in the basic sweeper's order; the plain overrides are not parameters (compose them into the
 * base config, or take them from {@link HydraSweep#overrides()}).
 */
final class HydraSweepSpace {

    private HydraSweepSpace() {
    }

    static SearchSpace of(List<String> commandLine, @Nullable Path configDir) {
        HydraSweep sweep = HydraSweep.parse(commandLine, configDir);
        SearchSpace.Builder builder = SearchSpace.builder();
        sweep.axes().forEach(builder::categories);
        return builder.build();
    }
}
