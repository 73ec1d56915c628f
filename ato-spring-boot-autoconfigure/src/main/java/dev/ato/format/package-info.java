/**
 * Config files for {@link dev.ato.adict.ADict}: JSON, YAML and TOML through Jackson, Python ato's XYZ text
 * ({@link dev.ato.format.Xyz}), OpenMMLab {@code _base_} inheritance and Python ato's {@code composeHierarchy}.
 * Uses {@code dev.ato.adict} and Jackson only.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.format;

import org.jspecify.annotations.NullMarked;
