package dev.ato.cli;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Python's numeric literal forms: decimal, {@code 0x/0o/0b} integers and floats with {@code _} between digits,
 * one optional sign, and {@code inf}/{@code nan}. Integers come back as {@link BigInteger} so the caller
 * decides about range; floats as {@link Double}.
 */
final class NumberLiteral {

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:0(?:_?0)*|[1-9](?:_?[0-9])*)");
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX](?:_?[0-9a-fA-F])+");
    private static final Pattern OCTAL = Pattern.compile("[+-]?0[oO](?:_?[0-7])+");
    private static final Pattern BINARY = Pattern.compile("[+-]?0[bB](?:_?[01])+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:(?:" + DIGITS + ")?\\." + DIGITS
            + "|" + DIGITS + "\\.)(?:[eE][+-]?" + DIGITS + ")?|" + DIGITS + "[eE][+-]?" + DIGITS + ")");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|nan)");

    private NumberLiteral() {
    }

    /** The number {@code word} spells, or {@code null} when it is not a numeric literal. */
    static Number parse(String word) {
        if (word.isEmpty()) {
            return null;
        }
        if (DECIMAL.matcher(word).matches()) {
            return integer(word, 0, 10);
        }
        if (HEX.matcher(word).matches()) {
            return integer(word, 2, 16);
        }
        if (OCTAL.matcher(word).matches()) {
            return integer(word, 2, 8);
        }
        if (BINARY.matcher(word).matches()) {
            return integer(word, 2, 2);
        }
        if (FLOAT.matcher(word).matches()) {
            return Double.parseDouble(word.replace("_", ""));
        }
        if (SPECIAL.matcher(word).matches()) {
            double special = word.endsWith("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
            return word.startsWith("-") ? -special : special;
        }
        return null;
    }

    private static BigInteger integer(String word, int prefixLength, int radix) {
        boolean signed = word.charAt(0) == '-' || word.charAt(0) == '+';
        String digits = word.substring((signed ? 1 : 0) + prefixLength).replace("_", "");
        BigInteger magnitude = new BigInteger(digits, radix);
        return word.charAt(0) == '-' ? magnitude.negate() : magnitude;
    }
}
