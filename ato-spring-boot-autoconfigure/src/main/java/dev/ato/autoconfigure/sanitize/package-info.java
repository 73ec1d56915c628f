/**
 * The {@link dev.ato.sanitize.Sanitizer} bean and its bridges to Spring Boot's sanitizing model: the application's
 * {@code SanitizingFunction} beans become rules of Ato's sanitizer, and Ato's rules reach {@code /actuator/env}.
 */
package dev.ato.autoconfigure.sanitize;
