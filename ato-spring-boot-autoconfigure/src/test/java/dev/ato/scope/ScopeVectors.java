package dev.ato.scope;

import dev.ato.adict.ADict;
import dev.ato.conformance.Vectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the scope's conformance tests add to {@link Vectors}: comparing resolved configs with vector JSON. */
final class ScopeVectors {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ScopeVectors() {
    }

    /** A vector's JSON value as plain Java ({@code $float} markers as doubles). */
    static Object java(JsonNode node) {
        return Vectors.typed(node, null);
    }

    /** An Ato config as JSON, for structural comparison (ints stay ints, floats floats). */
    static JsonNode json(ADict config) {
        return JSON.valueToTree(config.toMap());
    }

    /** A vector's expected config as JSON comparable with {@link #json(ADict)}. */
    static JsonNode expected(JsonNode node) {
        return JSON.valueToTree(java(node));
    }

    static Map<String, String> stringMap(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().stringValue()));
        return map;
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> list.add(item.stringValue()));
        }
        return list;
    }
}
