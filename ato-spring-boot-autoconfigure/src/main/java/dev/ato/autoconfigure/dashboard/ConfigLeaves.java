package dev.ato.autoconfigure.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A config flattened to its leaves: dotted key to value, where a leaf is anything but a map (lists stay whole). */
final class ConfigLeaves {

    private ConfigLeaves() {
    }

    static Map<String, Object> of(Map<String, ?> config) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        collect("", config, leaves);
        return leaves;
    }

    private static void collect(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String path = prefix + key;
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                collect(path + ".", child, into);
            } else {
                into.put(path, value);
            }
        });
    }

    /** The Python type name of a leaf, as the structural hash sees it. */
    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "int";
        }
        if (value instanceof Number) {
            return "float";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        return "str";
    }
}
