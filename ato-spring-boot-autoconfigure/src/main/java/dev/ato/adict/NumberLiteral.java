package dev.ato.adict;

import java.math.BigInteger;

/**
 * Python's numeric literal forms: decimal, {@code 0x/0o/0b} integers and floats with {@code _} between digits,
 * one optional sign, and {@code inf}/{@code nan}. Integers come back as {@link BigInteger} so the caller
 * decides about range; floats as {@link Double}.
 *
 * <p>A hand-written scanner rather than regular expressions: every literal of a command line passes through
 * here, and matching up to six patterns per word was a visible part of resolving a scope. The accepted forms
 * are those of the grammar in {@code docs/cli.md}:
 * <pre>
 *   digits  = [0-9] ( _? [0-9] )*
 *   decimal = sign? ( 0 ( _? 0 )* | [1-9] ( _? [0-9] )* )
 *   hex/octal/binary = sign? 0 [xX]/[oO]/[bB] ( _? digit-of-radix )+   (0x_1f is 31, as in Python)
 *   float   = sign? ( ( digits? . digits | digits . ) exponent? | digits exponent ),  exponent = [eE] sign? digits
 *   special = sign? ( inf | nan )
 * </pre>
 */
final class NumberLiteral {

    private NumberLiteral() {
    }

    /** The number {@code word} spells, or {@code null} when it is not a numeric literal. */
    static Number parse(String word) {
        int length = word.length();
        int start = length > 0 && (word.charAt(0) == '+' || word.charAt(0) == '-') ? 1 : 0;
        if (start == length) {
            return null;
        }
        if (length - start == 3 && (word.startsWith("inf", start) || word.startsWith("nan", start))) {
            double special = word.endsWith("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
            return start == 1 && word.charAt(0) == '-' ? -special : special;
        }
        if (word.charAt(start) == '0' && start + 1 < length) {
            int radix = radixOf(word.charAt(start + 1));
            if (radix != 0) {
                // no other form has a letter after a leading 0, so a bad digit here means "not a number"
                int digits = start + 2 < length && word.charAt(start + 2) == '_' ? start + 3 : start + 2;
                return digitsEnd(word, digits, radix) == length ? integer(word, start, 2, radix) : null;
            }
        }
        int integerEnd = digitsEnd(word, start, 10);
        if (integerEnd == length) {
            // a decimal integer has no leading zeros, except for zero itself (0, 00, 0_0)
            return word.charAt(start) != '0' || onlyZeros(word, start) ? integer(word, start, 0, 10) : null;
        }
        return isFloat(word, start, integerEnd) ? Double.parseDouble(word.replace("_", "")) : null;
    }

    private static int radixOf(char prefix) {
        return switch (prefix) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    /**
     * Where the run {@code digit (_? digit)*} starting at {@code from} ends, or -1 when no digit is at
     * {@code from}. A {@code _} not followed by a digit ends the run (and so the word is not a number).
     */
    private static int digitsEnd(String word, int from, int radix) {
        int length = word.length();
        if (from >= length || !isDigit(word.charAt(from), radix)) {
            return -1;
        }
        int at = from + 1;
        while (at < length) {
            char c = word.charAt(at);
            if (isDigit(c, radix)) {
                at++;
            } else if (c == '_' && at + 1 < length && isDigit(word.charAt(at + 1), radix)) {
                at += 2;
            } else {
                break;
            }
        }
        return at;
    }

    /** ASCII digits of the radix only, as the grammar says (no other scripts' digits). */
    private static boolean isDigit(char c, int radix) {
        if (c >= '0' && c <= '9') {
            return c - '0' < radix;
        }
        return radix == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    private static boolean onlyZeros(String word, int start) {
        for (int i = start; i < word.length(); i++) {
            if (word.charAt(i) != '0' && word.charAt(i) != '_') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code word} from {@code start} is a float, given where its leading digit run ends (-1: none). */
    private static boolean isFloat(String word, int start, int integerEnd) {
        int length = word.length();
        boolean integerPart = integerEnd >= 0;
        int at = integerPart ? integerEnd : start;
        boolean point = at < length && word.charAt(at) == '.';
        if (point) {
            int fractionEnd = digitsEnd(word, at + 1, 10);
            if (fractionEnd < 0 && !integerPart) {
                return false;
            }
            at = fractionEnd < 0 ? at + 1 : fractionEnd;
        } else if (!integerPart) {
            return false;
        }
        if (at < length && (word.charAt(at) == 'e' || word.charAt(at) == 'E')) {
            int exponent = at + 1;
            if (exponent < length && (word.charAt(exponent) == '+' || word.charAt(exponent) == '-')) {
                exponent++;
            }
            at = digitsEnd(word, exponent, 10);
            return at == length;
        }
        return point && at == length;
    }

    private static BigInteger integer(String word, int start, int prefixLength, int radix) {
        String digits = word.substring(start + prefixLength);
        if (digits.indexOf('_') >= 0) {
            digits = digits.replace("_", "");
        }
        BigInteger magnitude = digits.length() <= 15 && radix == 10
                ? BigInteger.valueOf(Long.parseLong(digits))
                : new BigInteger(digits, radix);
        return word.charAt(0) == '-' ? magnitude.negate() : magnitude;
    }
}
