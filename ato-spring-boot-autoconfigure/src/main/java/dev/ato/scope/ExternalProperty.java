package dev.ato.scope;

import dev.ato.AtoConfigException;

/**
 * One value from outside the command line (step 3 of the merge order), such as a Spring {@code Environment}
 * property {@code config.lr} found in {@code application.yml}.
 *
 * @param key    the dotted key inside the scope, without the scope's name ({@code lr}, {@code optim.name})
 * @param value  the value as it should be stored (deep-converted like any ADict value; a string is not parsed)
 * @param source the name of the property source, shown by {@link Resolution#origin(String)}
 */
public record ExternalProperty(String key, Object value, String source) {

    public ExternalProperty {
        if (key == null || key.isBlank()) {
            throw new AtoConfigException("an external property needs a key (source '" + source + "')");
        }
        if (source == null || source.isBlank()) {
            throw new AtoConfigException("external property '" + key + "' needs the name of its source");
        }
    }
}
