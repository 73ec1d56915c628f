package dev.ato.cli;

import dev.ato.adict.ADict;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser of one Python-style literal into the ADict value model. It only reads: no name is
 * looked up and nothing is evaluated, so any text that is not a literal is kept as a string.
 */
final class LiteralParser {

    /** Deeper nesting is rejected so hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 100;

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final String where;
    private final String text;
    private final int end;
    private int pos;
    private int depth;
    /** The innermost open container: where it opened and the character that closes it. */
    private int containerOpen = -1;
    private char containerClose;

    private LiteralParser(String where, String text, int start) {
        this.where = where;
        this.text = text;
        this.pos = start;
        this.end = text.length();
    }

    /**
     * Parses {@code text} from {@code start} to its end; errors show the whole {@code text} (for a token,
     * key and value) and call it {@code where}.
     */
    static Object parse(String where, String text, int start) {
        return new LiteralParser(where, text, start).whole();
    }

    private Object whole() {
        int start = pos;
        skipWhitespace();
        if (pos == end) {
            throw error(start, "empty value",
                    "give a value: %% or '' for the empty string, None or null for no value");
        }
        char c = text.charAt(pos);
        if ("[({'\"%".indexOf(c) < 0) {
            // a bare word at top level is taken whole: x=y=1 gives "y=1", a#b gives "a#b"
            int wordStart = pos;
            return scalar(text.substring(wordStart, end).strip(), wordStart);
        }
        Object value = item(false);
        skipWhitespace();
        if (pos < end) {
            throw error(pos, "unexpected text after the value",
                    "remove it, or wrap the whole value in %...% to make it one string");
        }
        return value;
    }

    /** One value at {@code pos}; inside a dict key position a bare word stops at {@code :}. */
    private Object item(boolean dictKey) {
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> sequence(']', false);
            case '(' -> sequence(')', true);
            case '{' -> dict();
            case '\'', '"' -> quoted(c);
            case '%' -> percentString();
            case ']', ')', '}', ',', ':' -> throw error(pos, "expected a value but found '" + c + "'",
                    "write a value here, or remove the extra '" + c + "'");
            default -> bareWordInContainer(dictKey);
        };
    }

    /** A list {@code [..]} or a tuple {@code (..)} (returned as a list; {@code (x)} without a comma is x). */
    private Object sequence(char close, boolean tuple) {
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
            items.add(item(false));
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

    private ADict dict() {
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
            int keyStart = pos;
            char first = text.charAt(pos);
            if (first == '[' || first == '(' || first == '{') {
                throw error(pos, "a dict key must be a single word, number or string, not '" + first + "...'",
                        "use a string key such as {name: value}");
            }
            Object key = item(true);
            String keyText = first == '\'' || first == '"' || first == '%'
                    ? (String) key : text.substring(keyStart, pos).strip();
            skipWhitespace();
            requireMore(open, '}');
            char c = text.charAt(pos);
            if (c == ',' || c == '}') {
                throw error(pos, "dict entry '" + keyText + "' has no value",
                        "write " + keyText + ": value (a set such as {a, b} is not supported; use a list [a, b])");
            }
            if (c != ':') {
                throw error(pos, "expected ':' after dict key '" + keyText + "' but found '" + c + "'",
                        "write {key: value, ...}");
            }
            pos++;
            skipWhitespace();
            requireMore(open, '}');
            c = text.charAt(pos);
            if (c == ',' || c == '}') {
                throw error(pos, "dict entry '" + keyText + "' has no value",
                        "write " + keyText + ": value, or None for no value");
            }
            dict.put(keyText, item(false));
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

    /** A quoted string with Python's common escapes; an unknown escape keeps its backslash, as in Python. */
    private String quoted(char quote) {
        int open = pos++;
        StringBuilder out = new StringBuilder();
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return out.toString();
            }
            if (c == '\\' && pos + 1 < end) {
                escape(out);
            } else {
                out.append(c);
                pos++;
            }
        }
        throw error(open, "unterminated string: no closing " + quote, "close the string with " + quote);
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

    /** {@code %...%}: {@code %%} inside is a literal %, {@code \%} and {@code \\} are escapes, {@code %%} alone is "". */
    private String percentString() {
        int open = pos++;
        if (pos < end && text.charAt(pos) == '%') {
            pos++;
            return "";
        }
        StringBuilder out = new StringBuilder();
        while (pos < end) {
            char c = text.charAt(pos);
            char next = pos + 1 < end ? text.charAt(pos + 1) : '\0';
            if (c == '\\' && (next == '%' || next == '\\')) {
                out.append(next);
                pos += 2;
            } else if (c == '%' && next == '%') {
                out.append('%');
                pos += 2;
            } else if (c == '%') {
                pos++;
                return out.toString();
            } else {
                out.append(c);
                pos++;
            }
        }
        throw error(open, "unterminated %-string: no closing %",
                "close it with %; inside, write %% or \\% for a literal %");
    }

    /** A bare word inside a container: up to the next separator, without inner whitespace. */
    private Object bareWordInContainer(boolean dictKey) {
        int start = pos;
        while (pos < end && !endsBareWord(text.charAt(pos), dictKey)) {
            pos++;
        }
        String raw = text.substring(start, pos);
        String word = raw.strip();
        for (int i = 0; i < word.length(); i++) {
            if (Character.isWhitespace(word.charAt(i))) {
                requireCloser();
                if (dictKey) {
                    throw error(start + raw.indexOf(word) + i,
                            "expected ':' after dict key '" + word.substring(0, i) + "'",
                            "write {key: value, ...}; quote a key with spaces: 'a b'");
                }
                throw error(start + raw.indexOf(word) + i, "two values without a ',' between them",
                        "separate items with ',', or quote a string with spaces: 'a b'");
            }
        }
        return dictKey ? word : scalar(word, start);
    }

    private static boolean endsBareWord(char c, boolean dictKey) {
        return ",[](){}".indexOf(c) >= 0 || (dictKey && c == ':');
    }

    /** A bare word: a bool, None/null, a number, or else the word itself as a string. */
    private Object scalar(String word, int at) {
        switch (word) {
            case "True", "true" -> {
                return Boolean.TRUE;
            }
            case "False", "false" -> {
                return Boolean.FALSE;
            }
            case "None", "null" -> {
                return null;
            }
            default -> {
                // fall through to numbers and strings
            }
        }
        Number number = NumberLiteral.parse(word);
        if (number instanceof BigInteger integer) {
            if (integer.compareTo(INT_MIN) >= 0 && integer.compareTo(INT_MAX) <= 0) {
                return integer.intValue();
            }
            if (integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0) {
                return integer.longValue();
            }
            throw error(at, "integer " + abbreviate(word) + " does not fit in 64 bits (a Java long)",
                    "write it as a float (" + String.format(Locale.ROOT, "%.6e", integer.doubleValue())
                            + ") or as a string (%" + abbreviate(word) + "%)");
        }
        return number != null ? number : word;
    }

    private static String abbreviate(String word) {
        return word.length() <= 40 ? word : word.substring(0, 37) + "...";
    }

    private int enter(char close) {
        if (++depth > MAX_DEPTH) {
            throw error(pos, "nesting deeper than " + MAX_DEPTH + " levels", "flatten the value");
        }
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
    private void requireCloser() {
        if (containerOpen >= 0 && text.indexOf(containerClose, pos) < 0) {
            throw error(containerOpen, "unbalanced '" + text.charAt(containerOpen) + "': no closing '"
                    + containerClose + "'", "close it with '" + containerClose
                    + "', or wrap the value in %...% to make it a string");
        }
    }

    private void skipWhitespace() {
        while (pos < end && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private RuntimeException error(int at, String what, String hint) {
        return Malformed.at(where, text, at, what, hint);
    }
}
