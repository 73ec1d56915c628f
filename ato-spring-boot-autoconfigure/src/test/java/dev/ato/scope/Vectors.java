package dev.ato.scope;

import dev.ato.adict.ADict;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the Python conformance vectors and describing Ato values the way they do (JSON plus Python type names). */
final class Vectors {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Vectors() {
    }

    static JsonNode load(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/conformance/ato/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON value as the Java value Python ato would have stored: ints, floats, strings, lists, maps. */
    static Object java(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), java(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(java(item)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            return big.bitLength() < 32 ? (Object) big.intValue() : big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.stringValue();
    }

    /** An Ato config as JSON, for structural comparison with a vector (ints stay ints, floats floats). */
    static JsonNode json(ADict config) {
        return JSON.valueToTree(config.toMap());
    }

    /** {@code node} with the vectors' {@code {"$float": "inf"}} markers turned into JSON doubles. */
    static JsonNode withFloats(JsonNode node) {
        return JSON.valueToTree(floats(java(node)));
    }

    private static Object floats(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("$float") instanceof String text) {
                return text.equals("nan") ? Double.NaN : text.startsWith("-") ? Double.NEGATIVE_INFINITY
                        : Double.POSITIVE_INFINITY;
            }
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k, floats(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(floats(item)));
            return result;
        }
        return value;
    }

    /** JSON Pointer → Python type name for every node, as the vectors' {@code types} maps. */
    static Map<String, String> types(ADict config) {
        Map<String, String> types = new LinkedHashMap<>();
        collect("", config, types);
        return types;
    }

    private static void collect(String pointer, Object value, Map<String, String> types) {
        types.put(pointer, pythonType(value));
        if (value instanceof ADict dict) {
            dict.forEach((k, v) -> collect(pointer + "/" + k.replace("~", "~0").replace("/", "~1"), v, types));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(pointer + "/" + i, list.get(i), types);
            }
        }
    }

    static String pythonType(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof ADict) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        return value.getClass().getSimpleName();
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
