/**
 * Ato in Spring Boot's operations model: a health indicator for the tracker database, an info contributor (version,
 * scopes, structural hashes) and Micrometer meters for the tracker. Each part exists only when its library
 * (spring-boot-health, spring-boot-actuator, Micrometer) is on the classpath.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.observe;

import org.jspecify.annotations.NullMarked;
