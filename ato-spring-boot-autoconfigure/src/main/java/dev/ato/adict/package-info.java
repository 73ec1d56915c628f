/**
 * {@link dev.ato.adict.ADict}: nested configs with dotted paths, structural hashing and freezing. JDK only (and JSpecify's nullness annotations).
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.adict;

import org.jspecify.annotations.NullMarked;
