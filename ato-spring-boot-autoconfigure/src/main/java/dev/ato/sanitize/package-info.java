/**
 * What a user may see: {@link dev.ato.sanitize.Sanitizer} masks secrets in values, configs and every text that
 * quotes a value. It uses the JDK and {@code adict} only, so the tracker and a plain {@code main} use the same rules
 * as the Spring commands, endpoints and dashboard.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.sanitize;

import org.jspecify.annotations.NullMarked;
