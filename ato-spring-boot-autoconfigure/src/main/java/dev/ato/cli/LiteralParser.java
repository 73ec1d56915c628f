package dev.ato.cli;

import dev.ato.adict.Limits;
import dev.ato.adict.PythonLiteralReader;

/**
 * The command line's dialect of the one Python-literal reader ({@link PythonLiteralReader}): a bare word that is
 * not a bool, None/null or number is kept as a string (nothing is looked up or evaluated), a bare word at the top
 * level is taken whole, and {@code %...%} is a string. Errors show the token with a caret.
 */
final class LiteralParser extends PythonLiteralReader {

    private final String where;

    private LiteralParser(String where, String text, int start, Limits limits) {
        super(text, start, limits);
        this.where = where;
    }

    /**
     * Parses {@code text} from {@code start} to its end; errors show the whole {@code text} (for a token,
     * key and value) and call it {@code where}.
     */
    static Object parse(String where, String text, int start) {
        return new LiteralParser(where, text, start, Limits.current()).whole();
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
        Object value = value();
        skipWhitespace();
        if (pos < end) {
            throw error(pos, "unexpected text after the value",
                    "remove it, or wrap the whole value in %...% to make it one string");
        }
        return value;
    }

    @Override
    protected Object other(char c) {
        return c == '%' ? percentString() : bareWord(false);
    }

    @Override
    protected String dictKey() {
        int keyStart = pos;
        char first = text.charAt(pos);
        Object key = first == '\'' || first == '"' ? quoted(first) : first == '%' ? percentString() : bareWord(true);
        return first == '\'' || first == '"' || first == '%' ? (String) key : text.substring(keyStart, pos).strip();
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
    @Override
    protected Object bareWord(boolean dictKey) {
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
        produced(1);
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
                Number number = number(word, at);
                return number != null ? number : word;
            }
        }
    }

    @Override
    protected RuntimeException error(int at, String what, String hint) {
        return Malformed.at(where, text, at, what, hint);
    }

    @Override
    protected String source() {
        return where;
    }

    @Override
    protected String position(int at) {
        return "position " + at;
    }
}
