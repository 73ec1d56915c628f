package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.Limits;
import dev.ato.format.FileFormat;
import dev.ato.format.TreeReader;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a YAML config file the way OmegaConf loads it: YAML 1.1 scalars ({@code yes/no/on/off} are booleans,
 * {@code 017} is octal, {@code 1:30} is 90) plus OmegaConf's float rule ({@code 1e-4} is a float). The document is
 * read by the shared {@link TreeReader} (so anchors, aliases, merge keys, duplicate keys and the {@link Limits}
 * behave exactly as in {@code ADict.load}); only the typing of plain (unquoted) scalars is Hydra's, given to the
 * reader as {@link #plain}. Its errors become {@link HydraException}s naming the file and line.
 */
final class YamlConfigReader {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("yes|Yes|YES|true|True|TRUE|on|On|ON");
    private static final Pattern FALSE = Pattern.compile("no|No|NO|false|False|FALSE|off|Off|OFF");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0[0-7_]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*\\.[0-9_]*|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
    private static final Pattern HEADER_LINE = Pattern.compile("#\\s*@");
    private static final Pattern PACKAGE_HEADER = Pattern.compile("#\\s*@package\\s+(\\S*)\\s*");
    /** The line a {@link TreeReader} error names right after the source: {@code source:line[:column]: ...}. */
    private static final Pattern LINE = Pattern.compile(":(\\d+)[:]");

    private YamlConfigReader() {
    }

    /** The top-level mapping of {@code text} ({@code source} names the file in errors); empty for an empty file. */
    static LinkedHashMap<String, Object> read(String text, String source) {
        Object value = readValue(text, source);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof LinkedHashMap<?, ?>)) {
            throw new HydraException(HydraException.Kind.CONFIG_PARSE,
                    "A config file must hold a mapping at the top level, not " + describe(value), source, null);
        }
        @SuppressWarnings("unchecked")
        LinkedHashMap<String, Object> map = (LinkedHashMap<String, Object>) value;
        return map;
    }

    /** The value of a YAML document, typed as OmegaConf types it ({@code null} for an empty document). */
    static Object readValue(String text, String source) {
        try {
            Limits limits = Limits.current();
            return TreeReader.read(FileFormat.YAML, text, source, limits, scalar -> plain(scalar, source, limits));
        } catch (AtoLimitException e) {
            throw HydraException.limit(e, source, e.keyPath());
        } catch (AtoConfigException e) {
            // TreeReader's message starts with "source:line"; Hydra's errors carry the line in their source
            String message = e.getMessage();
            String detail = message.startsWith(source) ? message.substring(source.length()) : message;
            Matcher line = LINE.matcher(detail);
            String where = line.lookingAt() ? source + ":" + line.group(1) : source;
            String what = detail.startsWith(":") ? detail.replaceFirst("^:[0-9:]*\\s*", "") : detail;
            throw new HydraException(HydraException.Kind.CONFIG_PARSE, what, where, null, e);
        }
    }

    /** The value of a {@code # @package} line in the comment block that opens the file, or {@code null}. */
    static @Nullable String packageHeader(String text) {
        // Hydra reads header lines (# @key value) at the top; any other line, a plain comment too, ends the header
        String result = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!HEADER_LINE.matcher(trimmed).lookingAt()) {
                break;
            }
            var m = PACKAGE_HEADER.matcher(trimmed);
            if (m.matches()) {
                result = m.group(1);
            }
        }
        return result;
    }

    /**
     * Types a plain (unquoted) scalar as YAML 1.1 with OmegaConf's float rule does; a numeral longer than
     * {@link Limits#maxNumberDigits()} is an error before any conversion (they are quadratic in the digits).
     */
    static @Nullable Object plain(String s, String source, Limits limits) {
        char first = s.isEmpty() ? '~' : s.charAt(0);
        if (!Character.isDigit(first) && "-+.~nNyYtTfFoO".indexOf(first) < 0) {
            return s; // cannot be a null, bool or number: skip the patterns (most config strings)
        }
        if (NULL.matcher(s).matches()) {
            return null;
        }
        if (TRUE.matcher(s).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(s).matches()) {
            return Boolean.FALSE;
        }
        if (DECIMAL.matcher(s).matches()) {
            checkDigits(s, source, limits);
            return integer(s.replace("_", ""), 10);
        }
        if (BINARY.matcher(s).matches()) {
            checkDigits(s, source, limits);
            return integer(s.replace("_", "").replace("0b", ""), 2);
        }
        if (HEX.matcher(s).matches()) {
            checkDigits(s, source, limits);
            return integer(s.replace("_", "").replace("0x", ""), 16);
        }
        if (OCTAL.matcher(s).matches()) {
            checkDigits(s, source, limits);
            return integer(s.replace("_", ""), 8);
        }
        if (SEXAGESIMAL.matcher(s).matches()) {
            checkDigits(s, source, limits); // YAML 1.1 base 60: 1:30 is 90
            BigInteger total = BigInteger.ZERO;
            for (String part : s.replace("_", "").replaceFirst("^[-+]", "").split(":")) {
                total = total.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
            return narrow(s.startsWith("-") ? total.negate() : total);
        }
        if (FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s.replace("_", ""));
        }
        if (INF.matcher(s).matches()) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(s).matches()) {
            return Double.NaN;
        }
        return s;
    }

    private static void checkDigits(String numeral, String source, Limits limits) {
        if (numeral.length() > limits.maxNumberDigits() + 1) {
            throw limits.numberTooLong(source, "", "", numeral.length());
        }
    }

    private static Object integer(String digits, int radix) {
        return narrow(new BigInteger(digits, radix));
    }

    private static Object narrow(BigInteger big) {
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static String describe(Object value) {
        return value instanceof List<?> ? "a list" : "a scalar '" + value + "'";
    }
}
