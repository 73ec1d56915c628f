/**
 * Hydra-compatible composition: defaults lists, config groups and packages, the override grammar, OmegaConf merge
 * rules and interpolation. The entry point is {@link dev.ato.hydra.Hydra}.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.hydra;

import org.jspecify.annotations.NullMarked;
