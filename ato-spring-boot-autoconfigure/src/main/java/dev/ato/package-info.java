/**
 * Ato's root package: the unchecked exceptions every part of the library throws, and {@link dev.ato.Mode}.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato;

import org.jspecify.annotations.NullMarked;
