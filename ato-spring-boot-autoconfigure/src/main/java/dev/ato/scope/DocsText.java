package dev.ato.scope;

import dev.ato.adict.ADict;
import dev.ato.adict.PythonFloat;

import java.util.List;
import java.util.Map;

/**
 * Writes manual documentation the way Python ato's XYZ {@code dumps} does (nested keys indented by two spaces,
 * list items as {@code i)}, scalars as Python's {@code str()}). The scope package may not use the format package,
 * and the manual needs only this writing direction.
 */
final class DocsText {

    private DocsText() {
    }

    static String render(ADict docs) {
        if (docs.isEmpty()) {
            return " [Empty Mapping]";
        }
        StringBuilder out = new StringBuilder();
        writeDict(docs, 0, out);
        return out.substring(0, out.length() - 1);
    }

    private static void writeDict(ADict dict, int indent, StringBuilder out) {
        for (Map.Entry<String, Object> entry : dict) {
            writeEntry(entry.getKey() + ":", entry.getValue(), indent, out);
        }
    }

    private static void writeEntry(String label, Object value, int indent, StringBuilder out) {
        out.append("  ".repeat(indent)).append(label);
        if (value instanceof ADict dict && !dict.isEmpty()) {
            out.append('\n');
            writeDict(dict, indent + 1, out);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            out.append('\n');
            for (int i = 0; i < list.size(); i++) {
                writeEntry(i + ")", list.get(i), indent + 1, out);
            }
        } else {
            out.append(' ').append(scalar(value)).append('\n');
        }
    }

    /** Python's {@code str()} of a scalar. */
    static String scalar(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof ADict) {
            return "[Empty Mapping]";
        }
        if (value instanceof List) {
            return "[Empty Sequence]";
        }
        if (value instanceof Double d) {
            return PythonFloat.repr(d);
        }
        return value.toString();
    }
}
