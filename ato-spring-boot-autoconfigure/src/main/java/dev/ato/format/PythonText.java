package dev.ato.format;

import tools.jackson.core.io.NumberOutput;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof List || value instanceof Map) {
            throw new IllegalArgumentException("not a scalar: " + value);
        }
        return String.valueOf(value);
    }

    /**
     * Python's {@code repr(float)}: the shortest digits that read back to the same double (Schubfach, as Python's
     * dtoa), fixed notation when the decimal exponent is in [-4, 16), otherwise {@code d.ddde+XX}.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestDigits(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale(); // value = 0.digits * 10^decpt
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exp));
            sb.append(e.length() < 2 ? "0" + e : e);
        }
        return sb.toString();
    }

    /**
     * Schubfach's digits, made shorter where Java's {@code Double.toString} rules ask for a second digit that
     * Python does not (the smallest subnormal is {@code 4.9E-324} in Java, {@code 5e-324} in Python).
     */
    private static BigDecimal shortestDigits(double positive) {
        BigDecimal digits = new BigDecimal(NumberOutput.toString(positive, true)).stripTrailingZeros();
        for (int n = 1; n < digits.precision(); n++) {
            BigDecimal shorter = digits.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(shorter.toString()) == positive) {
                return shorter.stripTrailingZeros();
            }
        }
        return digits;
    }
}
