/**
 * The {@code /actuator/ato} endpoint: the scopes' resolved configs, their merge order and provenance, with values
 * shown or masked as {@code management.endpoint.ato.show-values} says.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
