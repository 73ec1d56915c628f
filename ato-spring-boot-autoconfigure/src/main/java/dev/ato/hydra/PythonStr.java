package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.PythonFloat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's {@code str()} of config values: what OmegaConf puts into a string interpolation such as {@code x_${y}}. */
final class PythonStr {

    private PythonStr() {
    }

    static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        return repr(value);
    }

    private static String repr(@Nullable Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return PythonFloat.repr(d);
        }
        if (value instanceof String s) {
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("'", "\\'") + "'";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> repr(String.valueOf(e.getKey())) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonStr::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
