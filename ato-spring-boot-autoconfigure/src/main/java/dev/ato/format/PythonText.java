package dev.ato.format;

import dev.ato.adict.PythonFloat;

import java.util.List;
import java.util.Map;

/** Python's {@code str()} of a config scalar, which XYZ and file names of {@code composeHierarchy} are built from. */
final class PythonText {

    private PythonText() {
    }

    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PythonFloat.repr(((Number) value).doubleValue());
        }
        if (value instanceof List || value instanceof Map) {
            throw new IllegalArgumentException("not a scalar: " + value);
        }
        return String.valueOf(value);
    }
}
