/**
 * The {@link dev.ato.sanitize.Sanitizer} bean and its bridges to Spring Boot's sanitizing model: the application's
 * {@code SanitizingFunction} beans become rules of Ato's sanitizer, and Ato's rules reach {@code /actuator/env}.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.sanitize;

import org.jspecify.annotations.NullMarked;
