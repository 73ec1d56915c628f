package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;
import dev.ato.adict.PythonFloat;
import dev.ato.format.Mappers;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text in the shape Python's {@code json.dumps} writes it ({@code ", "} and {@code ": "} separators, ASCII
 * escapes, {@code repr} floats such as {@code 1e-05}, {@code Infinity}/{@code NaN}), so the JSON columns
 * Ato writes look exactly like the ones Python ato writes and Python ato reads them.
 */
final class PythonJson {

    private PythonJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Parses a JSON column: objects become {@link ADict}-ready maps, numbers Integer/Long/Double. */
    static @Nullable Object read(String json) {
        return json == null ? null : Mappers.pythonJson().readValue(json, Object.class);
    }

    private static void write(@Nullable Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof ADict dict) {
            write(dict.toMap(), out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ");
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ", ");
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Object[] array) {
            write(java.util.Arrays.asList(array), out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            out.append(pythonFloat(((Number) value).doubleValue()));
        } else if (value instanceof Number n) {
            out.append(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else {
            string(value.toString(), out);
        }
    }

    /** A double as Python's json.dumps writes it: its repr, or {@code NaN}/{@code Infinity} for non-finite values. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PythonFloat.repr(d);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
