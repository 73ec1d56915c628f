package dev.ato.conformance;

import dev.ato.adict.ADict;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python type of every node of a value, by JSON Pointer ({@code ""} is the root, {@code /a/0} the first item
 * of {@code a}), as the conformance vectors record them: the map to compare with a vector's {@code types}.
 */
public final class PythonTypes {

    private PythonTypes() {
    }

    /** JSON Pointer to Python type name for {@code value} and everything inside it. */
    public static Map<String, String> of(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        walk(value, "", result);
        return result;
    }

    /** The Python type name Ato's value model maps a Java value to. */
    public static String name(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof ADict || value instanceof Map) {
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
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof String) {
            return "str";
        }
        throw new IllegalArgumentException("not a value of Ato's model: " + value.getClass().getName());
    }

    /** A key escaped for a JSON Pointer ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static void walk(Object value, String pointer, Map<String, String> into) {
        into.put(pointer, name(value));
        Map<?, ?> map = value instanceof ADict d ? d.asReadOnlyMap() : value instanceof Map<?, ?> m ? m : null;
        if (map != null) {
            map.forEach((k, v) -> walk(v, pointer + "/" + escape(String.valueOf(k)), into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), pointer + "/" + i, into);
            }
        }
    }
}
