package dev.ato.adict;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one reader of Python literals into the ADict value model, shared by the command line ({@code dev.ato.cli})
 * and {@code .py} config files ({@code dev.ato.format}), so a literal reads the same in both. It owns the accepted
 * forms: lists, tuples (as lists; {@code (x)} is x), dicts, quoted strings with Python's escapes ({@code \n \t \r
 * \0 \a \b \f \v \\ \' \" \xHH \\uHHHH \UHHHHHHHH}; an unknown escape keeps its backslash, as in Python), numbers
 * in Python's forms (decimal, {@code 0x/0o/0b}, {@code _} between digits, floats) held as Integer, Long or Double
 * (an integer beyond 64 bits is an error, not a BigInteger), and the {@link Limits}: nesting depth, digits in a
 * number, values produced.
 *
 * <p>A dialect subclass decides what a bare word means (the command line keeps unknown words as strings; a
 * {@code .py} file looks names up), what whitespace is, and how an error is worded. Nothing is ever evaluated.
 */
public abstract class PythonLiteralReader {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The whole text being read. */
    protected final String text;
    /** The end of the text to read. */
    protected final int end;
    /** The next character to read. */
    protected int pos;
    /** The limits in force. */
    protected final Limits limits;
    private int depth;
    private long produced;
    /** The innermost open container: where it opened and the character that closes it. */
    private int containerOpen = -1;
    private char containerClose;
    /** The key path to the value being read, for limit errors. */
    private final List<String> path = new ArrayList<>();

    /**
     * @param text   the text to read
     * @param start  where reading starts
     * @param limits the limits to apply
     */
    protected PythonLiteralReader(String text, int start, Limits limits) {
        this.text = text;
        this.end = text.length();
        this.pos = start;
        this.limits = limits;
    }

    /** The error for {@code what} at {@code at}, with a {@code hint} saying what would be right. */
    protected abstract RuntimeException error(int at, String what, String hint);

    /** The file or literal, as limit errors name it. */
    protected abstract String source();

    /** {@code at} as limit errors show it, for example {@code "position 12"} or {@code "line 3, column 2"}. */
    protected abstract String position(int at);

    /** A bare word (not a bracket, quote or separator) at {@code pos}; {@code dictKey} inside a dict's key. */
    protected abstract Object bareWord(boolean dictKey);

    /** A dict key at {@code pos}, as the dialect spells keys. */
    protected abstract String dictKey();

    /** Skips what separates tokens; the default skips whitespace. */
    protected void skipWhitespace() {
        while (pos < end && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** A value starting with {@code c} that only the dialect knows; the default has none. */
    protected Object other(char c) {
        return bareWord(false);
    }

    /** One value at {@code pos} (after whitespace). */
    protected Object value() {
        skipWhitespace();
        if (pos >= end) {
            throw error(pos, "expected a value, found the end", "write a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> sequence(']', false);
            case '(' -> sequence(')', true);
            case '{' -> dict();
            case '\'', '"' -> quoted(c);
            case ']', ')', '}', ',', ':' -> throw error(pos, "expected a value but found '" + c + "'",
                    "write a value here, or remove the extra '" + c + "'");
            default -> other(c);
        };
    }

    /** A list {@code [..]} or a tuple {@code (..)} (returned as a list; {@code (x)} without a comma is x). */
    protected Object sequence(char close, boolean tuple) {
        int outerOpen = containerOpen;
        char outerClose = containerClose;
        int open = enter(close);
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipWhitespace();
            requireMore(open, close);
            if (text.charAt(pos) == close) {
                break;
            }
            path.add("[" + items.size() + "]");
            items.add(value());
            path.remove(path.size() - 1);
            skipWhitespace();
            requireMore(open, close);
            char c = text.charAt(pos);
            if (c == ',') {
                sawComma = true;
                pos++;
            } else if (c != close) {
                throw unexpected(c, close);
            }
        }
        leave(outerOpen, outerClose);
        if (tuple && items.size() == 1 && !sawComma) {
            return items.get(0);
        }
        return Collections.unmodifiableList(items);
    }

    /** A dict {@code {k: v, ...}}. */
    protected ADict dict() {
        int outerOpen = containerOpen;
        char outerClose = containerClose;
        int open = enter('}');
        ADict dict = new ADict();
        while (true) {
            skipWhitespace();
            requireMore(open, '}');
            if (text.charAt(pos) == '}') {
                break;
            }
            char first = text.charAt(pos);
            if (first == '[' || first == '(' || first == '{') {
                throw error(pos, "a dict key must be a single word, number or string, not '" + first + "...'",
                        "use a string key such as {name: value}");
            }
            String key = dictKey();
            skipWhitespace();
            requireMore(open, '}');
            char c = text.charAt(pos);
            if (c == ',' || c == '}') {
                throw error(pos, "dict entry '" + key + "' has no value",
                        "write " + key + ": value (a set such as {a, b} is not supported; use a list [a, b])");
            }
            if (c != ':') {
                throw error(pos, "expected ':' after dict key '" + key + "' but found '" + c + "'",
                        "write {key: value, ...}");
            }
            pos++;
            skipWhitespace();
            requireMore(open, '}');
            c = text.charAt(pos);
            if (c == ',' || c == '}') {
                throw error(pos, "dict entry '" + key + "' has no value",
                        "write " + key + ": value, or None for no value");
            }
            path.add(key);
            dict.put(key, value());
            path.remove(path.size() - 1);
            skipWhitespace();
            requireMore(open, '}');
            c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c != '}') {
                throw unexpected(c, '}');
            }
        }
        leave(outerOpen, outerClose);
        return dict;
    }

    /**
     * Reads {@code name(k=v, ...)} as a dict, {@code pos} at the {@code (}: the {@code dict(...)} of a {@code .py}
     * file. Keys are identifiers.
     */
    protected ADict keywordDict() {
        int outerOpen = containerOpen;
        char outerClose = containerClose;
        int open = enter(')');
        ADict dict = new ADict();
        while (true) {
            skipWhitespace();
            requireMore(open, ')');
            if (text.charAt(pos) == ')') {
                break;
            }
            int keyStart = pos;
            while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String key = text.substring(keyStart, pos);
            if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
                throw error(keyStart, "expected 'name=value' inside dict(...)", "write dict(name=value, ...)");
            }
            skipWhitespace();
            if (pos >= end || text.charAt(pos) != '=') {
                throw error(pos, "expected '=' after '" + key + "' inside dict(...)", "write dict(name=value, ...)");
            }
            pos++;
            path.add(key);
            dict.put(key, value());
            path.remove(path.size() - 1);
            skipWhitespace();
            requireMore(open, ')');
            char c = text.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c != ')') {
                throw unexpected(c, ')');
            }
        }
        leave(outerOpen, outerClose);
        return dict;
    }

    /** A quoted string with Python's escapes; an unknown escape keeps its backslash, as in Python. */
    protected String quoted(char quote) {
        int open = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                produced(1);
                return out.toString();
            }
            if (c == '\\' && pos + 1 < end) {
                escape(out);
            } else if (c == '\n' && !multilineStrings()) {
                break;
            } else {
                out.append(c);
                pos++;
            }
        }
        throw error(open, "unterminated string: no closing " + quote, "close the string with " + quote);
    }

    /** Whether a quoted string may run over a line end (Python's may not; a command-line token may). */
    protected boolean multilineStrings() {
        return true;
    }

    private void escape(StringBuilder out) {
        int at = pos;
        char c = text.charAt(pos + 1);
        pos += 2;
        switch (c) {
            case '\\', '\'', '"' -> out.append(c);
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '0' -> out.append('\0');
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case '\n' -> {
                // a backslash at a line end continues the string on the next line, as in Python
            }
            case 'x' -> out.appendCodePoint(hex(at, 2));
            case 'u' -> out.appendCodePoint(hex(at, 4));
            case 'U' -> out.appendCodePoint(hex(at, 8));
            default -> out.append('\\').append(c);
        }
    }

    private int hex(int escapeStart, int digits) {
        if (pos + digits <= end) {
            String hex = text.substring(pos, pos + digits);
            if (hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                long codePoint = Long.parseLong(hex, 16);
                if (codePoint <= Character.MAX_CODE_POINT) {
                    pos += digits;
                    return (int) codePoint;
                }
            }
        }
        char letter = text.charAt(escapeStart + 1);
        throw error(escapeStart, "bad escape \\" + letter,
                "\\" + letter + " needs " + digits + " hex digits of a valid code point;"
                        + " write \\\\ for a literal backslash");
    }

    /**
     * The number {@code word} (found at {@code at}) spells, as Integer, Long or Double, or {@code null} if it is not
     * a number literal. The digit limit is checked before any conversion, so a million-digit word fails at once.
     */
    protected Number number(String word, int at) {
        long digits = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != '_' && c != '+' && c != '-' && c != '.') {
                digits++;
            }
        }
        if (digits > limits.maxNumberDigits() && looksNumeric(word)) {
            throw limits.numberTooLong(source(), keyPath(), position(at), digits);
        }
        Number number = NumberLiteral.parse(word);
        if (number instanceof BigInteger integer) {
            if (integer.bitLength() < 32) {
                return integer.intValue();
            }
            if (integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0) {
                return integer.longValue();
            }
            throw error(at, "integer " + abbreviate(word) + " does not fit in 64 bits (a Java long)",
                    "write it as a float (" + String.format(Locale.ROOT, "%.6e", integer.doubleValue())
                            + ") or as a string (%" + abbreviate(word) + "%)");
        }
        return number;
    }

    /** A word of digits, signs, dots, underscores and exponent letters: a number, were it not for its length. */
    private static boolean looksNumeric(String word) {
        int first = word.startsWith("+") || word.startsWith("-") ? 1 : 0;
        if (first >= word.length() || !(Character.isDigit(word.charAt(first)) || word.charAt(first) == '.')) {
            return false;
        }
        for (int i = first; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isDigit(c) || "+-._eExXoObBabcdefABCDEF".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** {@code word} shortened for a message: a literal is never repeated whole. */
    protected static String abbreviate(String word) {
        return word.length() <= 40 ? word : word.substring(0, 37) + "...";
    }

    /** Counts {@code values} produced by this read against {@link Limits#maxExpansion()}. */
    protected void produced(long values) {
        produced += values;
        if (produced > limits.maxExpansion()) {
            throw limits.expansionExceeded(source(), keyPath(), position(pos), "the value");
        }
    }

    /** The values this read has produced so far. */
    protected long producedSoFar() {
        return produced;
    }

    /** The dotted key path of the value being read, {@code [i]} for list items. */
    protected String keyPath() {
        StringBuilder sb = new StringBuilder();
        for (String segment : path) {
            if (sb.length() > 0 && !segment.startsWith("[")) {
                sb.append('.');
            }
            sb.append(segment);
        }
        return sb.toString();
    }

    /** Enters a key (for example a {@code .py} file's assignment name) for the key path of limit errors. */
    protected void pushKey(String key) {
        path.add(key);
    }

    /** Leaves the key entered last. */
    protected void popKey() {
        path.remove(path.size() - 1);
    }

    /** The nesting depth at {@code pos}: 0 outside every bracket. */
    protected int depth() {
        return depth;
    }

    private int enter(char close) {
        if (++depth > limits.maxDepth()) {
            throw limits.depthExceeded(source(), keyPath(), position(pos));
        }
        produced(1);
        containerOpen = pos;
        containerClose = close;
        return pos++;
    }

    private void leave(int outerOpen, char outerClose) {
        pos++;
        depth--;
        containerOpen = outerOpen;
        containerClose = outerClose;
    }

    private void requireMore(int open, char close) {
        if (pos >= end) {
            throw error(open, "unbalanced '" + text.charAt(open) + "': no closing '" + close + "'",
                    "close it with '" + close + "', or wrap the value in %...% to make it a string");
        }
    }

    private RuntimeException unexpected(char found, char close) {
        requireCloser();
        return error(pos, "expected ',' or '" + close + "' but found '" + found + "'",
                "separate items with ',' and quote strings that contain '" + found + "'");
    }

    /** Reports a container that is never closed before complaining about what follows inside it. */
    protected void requireCloser() {
        if (containerOpen >= 0 && text.indexOf(containerClose, pos) < 0) {
            throw error(containerOpen, "unbalanced '" + text.charAt(containerOpen) + "': no closing '"
                    + containerClose + "'", "close it with '" + containerClose
                    + "', or wrap the value in %...% to make it a string");
        }
    }
}
