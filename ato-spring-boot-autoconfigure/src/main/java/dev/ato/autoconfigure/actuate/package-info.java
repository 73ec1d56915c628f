/**
 * The {@code /actuator/ato} endpoint: the scopes' resolved configs, their merge order and provenance, with values
 * shown or masked as {@code management.endpoint.ato.show-values} says.
 */
package dev.ato.autoconfigure.actuate;
