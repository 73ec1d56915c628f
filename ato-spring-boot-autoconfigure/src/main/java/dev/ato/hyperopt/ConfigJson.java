package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;
import dev.ato.format.Mappers;

import java.util.Map;

/** ADicts as the JSON text stored in the search tables. */
final class ConfigJson {

    private ConfigJson() {
    }

    static String write(ADict config) {
        return Mappers.configJson().writeValueAsString(config.toMap());
    }

    @SuppressWarnings("unchecked")
    static @Nullable ADict read(String json) {
        return json == null ? null : ADict.of(Mappers.configJson().readValue(json, Map.class));
    }
}
