package dev.ato.adict;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written number scanner accepts exactly the words of the grammar in {@code docs/cli.md}, written here
 * as regular expressions (the scanner's former implementation) and compared on every short word over the
 * characters that matter.
 */
class NumberLiteralTest {

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:0(?:_?0)*|[1-9](?:_?[0-9])*)");
    private static final Pattern HEX = Pattern.compile("[+-]?0[xX](?:_?[0-9a-fA-F])+");
    private static final Pattern OCTAL = Pattern.compile("[+-]?0[oO](?:_?[0-7])+");
    private static final Pattern BINARY = Pattern.compile("[+-]?0[bB](?:_?[01])+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:(?:" + DIGITS + ")?\\." + DIGITS
            + "|" + DIGITS + "\\.)(?:[eE][+-]?" + DIGITS + ")?|" + DIGITS + "[eE][+-]?" + DIGITS + ")");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|nan)");

    @Test
    void scannerAgreesWithTheGrammarOnEveryShortWord() {
        List<String> words = words("019_.e+-xobfE", 5);
        words.addAll(List.of("inf", "-inf", "+nan", "nan", "Inf", "infinity", "0x_1f", "0x_", "0o_7", "0b_", "1_000",
                "1__0", "١٢", "0x1F", "9223372036854775808", "-9223372036854775809", "123456789012345678"));
        for (String word : words) {
            assertThat(NumberLiteral.parse(word)).as(word).isEqualTo(reference(word));
        }
    }

    private static List<String> words(String alphabet, int maxLength) {
        List<String> words = new ArrayList<>();
        words.add("");
        int from = 0;
        for (int length = 1; length <= maxLength; length++) {
            int to = words.size();
            for (int i = from; i < to; i++) {
                for (char c : alphabet.toCharArray()) {
                    words.add(words.get(i) + c);
                }
            }
            from = to;
        }
        return words;
    }

    private static Number reference(String word) {
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
        BigInteger magnitude = new BigInteger(word.substring((signed ? 1 : 0) + prefixLength).replace("_", ""), radix);
        return word.charAt(0) == '-' ? magnitude.negate() : magnitude;
    }
}
