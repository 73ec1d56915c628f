package dev.ato.format;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;
import dev.ato.adict.Limits;

import java.util.List;
import java.util.Map;

/**
 * Python ato's indented XYZ text: {@code key: value} lines, {@code i) value} for list items, two spaces per level.
 * {@link #dumps} is byte-identical to Python ato's {@code xyz.dumps}; {@link #loads} reads back what dumps writes,
 * including the values Python ato itself cannot read back (negative numbers, {@code inf}, text with {@code :} or
 * {@code )}, multi-line text). Text is written unquoted, as in Python ato, so a string that looks like a number,
 * a boolean or {@code None} reads back as that value.
 */
public final class Xyz {

    static final String EMPTY_MAPPING = "[Empty Mapping]";
    static final String EMPTY_SEQUENCE = "[Empty Sequence]";
    private static final String INDENT = "  ";

    private Xyz() {
    }

    /** The XYZ text of {@code value} (an {@link ADict}, a {@code Map}, a {@code List} or a scalar), no trailing newline. */
    public static String dumps(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        if (isNonEmptyContainer(value)) {
            writeChildren(value, "", out, 1);
        } else {
            out.append(' ').append(scalar(value));
        }
        return out.toString();
    }

    /**
     * Parses XYZ text; errors name the line. Leading whitespace and trailing line breaks are ignored (Python ato
     * strips the whole text, which would also drop trailing spaces of the last value).
     */
    public static @Nullable Object loads(String text) {
        if (text.isBlank()) {
            return ""; // Python ato reads blank text as one empty value, so loads(dumps("")) is ""
        }
        return new XyzReader(text.stripLeading().replaceFirst("[\\r\\n]+$", "")).read();
    }

    /** Parses the content of an XYZ file: leading indentation of the first line is kept, as Python ato's {@code load}. */
    static Object loadFile(String text, String source) {
        return new XyzReader(text, source, Limits.current()).read();
    }

    private static void writeChildren(Object container, String indent, StringBuilder out, int depth) {
        Limits.current().checkDepth(depth, "Xyz.dumps", "", "");
        if (container instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                writeEntry(indent, i + ")", list.get(i), out, depth);
            }
        } else {
            entries(container).forEach((k, v) -> writeEntry(indent, k + ":", v, out, depth));
        }
    }

    private static void writeEntry(String indent, String label, Object value, StringBuilder out, int depth) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(indent).append(label);
        if (isNonEmptyContainer(value)) {
            writeChildren(value, indent + INDENT, out, depth + 1);
        } else {
            out.append(' ').append(scalar(value));
        }
    }

    private static Map<?, ?> entries(Object container) {
        return container instanceof ADict d ? d.asReadOnlyMap() : (Map<?, ?>) container;
    }

    private static boolean isNonEmptyContainer(Object value) {
        return value instanceof ADict d ? !d.isEmpty()
                : value instanceof Map<?, ?> m ? !m.isEmpty()
                : value instanceof List<?> l && !l.isEmpty();
    }

    private static String scalar(Object value) {
        if (value instanceof ADict || value instanceof Map) {
            return EMPTY_MAPPING;
        }
        if (value instanceof List) {
            return EMPTY_SEQUENCE;
        }
        return PythonText.str(value);
    }
}
