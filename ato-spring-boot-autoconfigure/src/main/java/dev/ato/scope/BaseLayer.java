package dev.ato.scope;

import dev.ato.adict.ADict;

/**
 * One layer of a scope's base from a {@link BaseSource}: its name (shown by the manual, {@code why} and the
 * Actuator endpoint, e.g. {@code db/mysql.yaml}) and the whole config after it.
 */
public record BaseLayer(String name, ADict config) {
}
