package dev.ato.adict;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, the one text of a double that every part of Ato writes where Python ato would
 * (XYZ files, file names, the tracker's JSON), so that configs and hashes match Python's byte for byte.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /**
     * The shortest digits that read back as {@code d} (the nearest such when two qualify, as CPython's dtoa), in
     * fixed notation when the decimal exponent is in [-4, 16) and as {@code d.ddde+XX} otherwise; {@code nan},
     * {@code inf}, {@code -inf}, {@code -0.0} as Python prints them.
     */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // value = d.ddd * 10^exponent
        StringBuilder text = new StringBuilder(24).append(d < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 16) {
            text.append(digits.charAt(0));
            if (digits.length() > 1) {
                text.append('.').append(digits, 1, digits.length());
            }
            text.append('e').append(exponent < 0 ? '-' : '+');
            if (Math.abs(exponent) < 10) {
                text.append('0');
            }
            return text.append(Math.abs(exponent)).toString();
        }
        int point = exponent + 1; // digits before the decimal point
        if (point <= 0) {
            text.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            text.append(digits).append("0".repeat(point - digits.length())).append(".0");
        } else {
            text.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return text.toString();
    }

    /**
     * Rounds the exact value to 1, 2, … significant digits until it reads back. At a power of two the doubles
     * below are twice as close as those above, so when the nearest candidate fails the one on the other side of
     * the exact value is tried too. JDK 17's {@code Double.toString} cannot be used: it is not always shortest.
     */
    private static BigDecimal shortest(double positive) {
        BigDecimal exact = new BigDecimal(positive);
        for (int n = 1; n < 17; n++) {
            BigDecimal nearest = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == positive) {
                return nearest.stripTrailingZeros();
            }
            RoundingMode away = nearest.compareTo(exact) < 0 ? RoundingMode.CEILING : RoundingMode.FLOOR;
            BigDecimal other = exact.round(new MathContext(n, away));
            if (other.doubleValue() == positive) {
                return other.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
