package dev.ato.hyperopt;

import dev.ato.adict.ADict;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** ADicts as the JSON text stored in the search tables. */
final class ConfigJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ConfigJson() {
    }

    static String write(ADict config) {
        return MAPPER.writeValueAsString(config.toMap());
    }

    @SuppressWarnings("unchecked")
    static ADict read(String json) {
        return json == null ? null : ADict.of(MAPPER.readValue(json, Map.class));
    }
}
