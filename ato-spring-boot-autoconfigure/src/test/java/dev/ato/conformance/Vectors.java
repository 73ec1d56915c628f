package dev.ato.conformance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the conformance vectors (test resources {@code conformance/...}) and turns their JSON values into the plain
 * Java values Ato uses, guided by the Python type map that accompanies each value ({@code 1} typed {@code float}
 * becomes {@code 1.0}; {@code {"$float": "inf"}} becomes infinity).
 */
public final class Vectors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Vectors() {
    }

    /** The whole vector file, e.g. {@code file("ato/xyz.json")}. */
    public static JsonNode file(String relative) {
        try (InputStream in = Vectors.class.getResourceAsStream("/conformance/" + relative)) {
            if (in == null) {
                throw new IllegalStateException("no conformance vector file " + relative + " in test resources");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code cases} of a vector file, in file order. */
    public static List<JsonNode> cases(String relative) {
        List<JsonNode> result = new ArrayList<>();
        file(relative).get("cases").forEach(result::add);
        return result;
    }

    /** {@code value} as plain Java (maps, lists, Integer/Long/BigInteger, Double, String, Boolean, null). */
    public static Object typed(JsonNode value, JsonNode types) {
        return typed(value, types, "");
    }

    private static Object typed(JsonNode node, JsonNode types, String pointer) {
        String type = types == null || !types.has(pointer) ? null : types.get(pointer).asString();
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() && node.has("$float") && node.size() == 1) {
            String text = node.get("$float").asString();
            return text.equals("nan") ? Double.NaN : text.startsWith("-") ? Double.NEGATIVE_INFINITY
                    : Double.POSITIVE_INFINITY;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), typed(e.getValue(), types, pointer + "/" + PythonTypes.escape(e.getKey())));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(typed(node.get(i), types, pointer + "/" + i));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            if ("float".equals(type) || !node.isIntegralNumber()) {
                return node.doubleValue();
            }
            BigInteger b = node.bigIntegerValue();
            return b.bitLength() < 32 ? (Object) b.intValue() : b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        return node.asString();
    }
}
