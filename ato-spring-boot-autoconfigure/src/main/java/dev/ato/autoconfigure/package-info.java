/**
 * Ato's Spring Boot integration. This package is the user-facing API: the annotations {@link
 * dev.ato.autoconfigure.AtoObserve}, {@link dev.ato.autoconfigure.AtoManual}, {@link dev.ato.autoconfigure.AtoScope},
 * {@link dev.ato.autoconfigure.AtoTrace} and the {@code ato.*} settings in {@link dev.ato.autoconfigure.AtoProperties}.
 * The sub-packages hold the auto-configuration by feature: {@code scope} (views, the PropertySource chain, ADict
 * beans), {@code tracker} (database, Tracker and RunFinder beans), {@code shell} (commands and the command-line
 * runner), {@code actuate} (the {@code /actuator/ato} endpoint).
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure;

import org.jspecify.annotations.NullMarked;
