package dev.ato.scope;

import dev.ato.adict.ADict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
            return pythonFloat(d);
        }
        return value.toString();
    }

    /** The shortest decimal that reads back as {@code d} (JDK 17's {@code Double.toString} is not always shortest). */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Python's {@code repr(float)}: shortest digits, fixed notation for exponents -4..15, else {@code 1e-05}. */
    static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(Math.abs(d));
        String digits = exact.unscaledValue().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = exact.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
