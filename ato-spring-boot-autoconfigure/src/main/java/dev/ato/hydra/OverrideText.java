package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a value in Hydra's override grammar, so that parsing the text gives the value back. */
final class OverrideText {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/\\-.$%*@?|][\\w/\\-+.$%*@?|]*");

    private OverrideText() {
    }

    static String of(@Nullable Object value) {
        if (value instanceof String s) {
            Object back = PLAIN.matcher(s).matches() ? OverrideParser.parseValue(s, "value") : null;
            return s.equals(back) ? s : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : PythonStr.str(d);
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(of(list.get(i)));
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, v) -> sb.append(sb.length() == 1 ? "" : ",").append(k).append(':').append(of(v)));
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }
}
