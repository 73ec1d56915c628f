package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hydra's override grammar for one command-line argument, and the value grammar it shares with {@code oc.decode}.
 * A hand-written recursive-descent parser: primitives (int, float, bool, null, unquoted and quoted strings,
 * interpolations kept as text), lists and dicts. Sweeps and functions are rejected with a clear message.
 */
final class OverrideParser {

    private static final Pattern KEY = Pattern.compile(
            "[A-Za-z_$][\\w$\\-]*([./][A-Za-z0-9_$][\\w$\\-]*)*(@[A-Za-z0-9_$.\\-]*)?");
    private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(([0-9][0-9_]*)?\\.[0-9][0-9_]*|[0-9][0-9_]*\\."
            + "|([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)[eE][-+]?[0-9]+)");
    private static final Pattern FUNCTION = Pattern.compile("[A-Za-z_][\\w]*");
    private static final Pattern NAMED_ARG = Pattern.compile("\\s*([A-Za-z_][\\w]*)\\s*=");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[-+]?(?i:inf|nan)");
    private static final String UNQUOTED_EXTRA = "/-\\+.$%*@?|:"; // Hydra's UNQUOTED_CHAR and COLON

    private final String text;
    private final String input;
    private final int maxDepth = dev.ato.adict.Limits.current().maxDepth();
    private int pos;
    private int depth;
    private int calls;

    private OverrideParser(String text, String input, int start) {
        this.text = text;
        this.input = input;
        this.pos = start;
    }

    /** Parses one override such as {@code +db.port=3306}. */
    static CommandLineOverride parse(@Nullable String input) {
        if (input == null) {
            throw error("An override must not be null", "null", 0);
        }
        CommandLineOverride.Type type;
        int start;
        if (input.startsWith("~")) {
            type = CommandLineOverride.Type.DELETE;
            start = 1;
        } else if (input.startsWith("++")) {
            type = CommandLineOverride.Type.FORCE_ADD;
            start = 2;
        } else if (input.startsWith("+")) {
            type = CommandLineOverride.Type.ADD;
            start = 1;
        } else {
            type = CommandLineOverride.Type.CHANGE;
            start = 0;
        }
        int eq = input.indexOf('=', start);
        String key = (eq < 0 ? input.substring(start) : input.substring(start, eq)).strip();
        if (eq < 0 && type != CommandLineOverride.Type.DELETE) {
            throw error("Missing '=' in override '" + input + "'; write key=value (or ~key to delete)", input,
                    input.length());
        }
        if (!KEY.matcher(key).matches()) {
            throw error("Invalid key '" + key + "' in override '" + input
                    + "'; a key is a dotted path (a.b.c) or a config group (db, a/b) with an optional @package",
                    input, start);
        }
        int at = key.indexOf('@');
        String keyOrGroup = at < 0 ? key : key.substring(0, at);
        String pkg = at < 0 ? null : key.substring(at + 1);
        if (eq < 0) {
            return new CommandLineOverride(type, keyOrGroup, pkg, false, null, input);
        }
        OverrideParser parser = new OverrideParser(input, input, eq + 1);
        Object value = parser.topLevelValue();
        return new CommandLineOverride(type, keyOrGroup, pkg, true, value, input);
    }

    /** Parses a standalone value literal ({@code oc.decode}); {@code where} names it in errors. */
    static Object parseValue(String literal, String where) {
        OverrideParser parser = new OverrideParser(literal, where, 0);
        return parser.topLevelValue();
    }

    private Object topLevelValue() {
        skipSpaces();
        if (pos >= text.length()) {
            return "";
        }
        Object value = element();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ',') {
            List<Object> choices = new ArrayList<>();
            choices.add(value);
            while (peek(',')) {
                pos++;
                choices.add(noSweep(element()));
            }
            value = new Sweep.Choice(choices);
        }
        if (pos < text.length()) {
            throw error("Unexpected '" + text.charAt(pos) + "'", input, pos);
        }
        return value;
    }

    private Object element() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("Missing value", input, pos);
        }
        char c = text.charAt(pos);
        Object value;
        if (c == '[') {
            value = list();
        } else if (c == '{') {
            value = dict();
        } else if (c == '\'' || c == '"') {
            value = quoted();
        } else {
            value = primitive(false);
        }
        skipSpaces();
        return value;
    }

    /** Counts one more level of list or dict nesting; deeper than the limit is an error naming the position. */
    private void enter() {
        if (++depth > maxDepth) {
            int at = input.indexOf('=');
            String key = at < 0 ? "" : input.substring(0, at).replaceFirst("^[~+]+", "");
            throw HydraException.limit(dev.ato.adict.Limits.current().depthExceeded(text == input
                    ? "override '" + abbreviate(input) + "'" : abbreviate(input), key, "position " + pos),
                    "override", key);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 60) + "... (" + s.length() + " characters)";
    }

    private List<Object> list() {
        enter();
        try {
            return listBody();
        } finally {
            depth--;
        }
    }

    private List<Object> listBody() {
        int open = pos++;
        List<Object> result = new ArrayList<>();
        skipSpaces();
        if (peek(']')) {
            pos++;
            return result;
        }
        while (true) {
            result.add(noSweep(element()));
            if (peek(',')) {
                pos++;
            } else if (peek(']')) {
                pos++;
                return result;
            } else {
                throw error("Unclosed list opened at position " + open + ": expected ',' or ']'", input, pos);
            }
        }
    }

    private Map<String, Object> dict() {
        enter();
        try {
            return dictBody();
        } finally {
            depth--;
        }
    }

    private Map<String, Object> dictBody() {
        int open = pos++;
        Map<String, Object> result = new LinkedHashMap<>();
        skipSpaces();
        if (peek('}')) {
            pos++;
            return result;
        }
        while (true) {
            skipSpaces();
            Object key = peek('\'') || peek('"') ? quoted() : primitive(true);
            skipSpaces();
            if (!peek(':')) {
                throw error("Expected ':' after dict key '" + key + "'", input, pos);
            }
            pos++;
            result.put(String.valueOf(key), noSweep(element()));
            if (peek(',')) {
                pos++;
            } else if (peek('}')) {
                pos++;
                return result;
            } else {
                throw error("Unclosed dict opened at position " + open + ": expected ',' or '}'", input, pos);
            }
        }
    }

    private String quoted() {
        char quote = text.charAt(pos);
        int open = pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == quote || text.charAt(pos + 1) == '\\')
                    && escapesQuote(pos)) {
                sb.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == quote) {
                pos++;
                return sb.toString();
            }
            sb.append(c);
            pos++;
        }
        throw error("Unclosed quote " + quote + " opened at position " + open, input, open);
    }

    /** A run of backslashes escapes only when it is followed by the quote (Hydra keeps other backslashes). */
    private boolean escapesQuote(int at) {
        int i = at;
        while (i < text.length() && text.charAt(i) == '\\') {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"');
    }

    private Object primitive(boolean dictKey) {
        int start = pos;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '{') {
                int end = Interpolation.matchingBrace(text, pos + 1);
                if (end < 0) {
                    throw error("Unclosed interpolation '${'", input, pos);
                }
                sb.append(text, pos, end + 1);
                pos = end + 1;
                continue;
            }
            if (c == '\\' && pos + 1 < text.length() && " ()[]{}:=,\\".indexOf(text.charAt(pos + 1)) >= 0) {
                sb.append(text.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == ',' || c == ']' || c == '}' || (dictKey && c == ':') || (calls > 0 && c == ')')) {
                break;
            }
            if (c == '(' && !dictKey && FUNCTION.matcher(sb.toString().strip()).matches()) {
                return call(sb.toString().strip(), start);
            }
            if (c == '(') {
                throw error("'(' is only allowed after a function name (int, float, str, bool, sort, choice,"
                        + " range, interval, glob, tag, shuffle)", input, pos);
            }
            if (Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '\t' || UNQUOTED_EXTRA.indexOf(c) >= 0) {
                sb.append(c);
                pos++;
                continue;
            }
            throw error("Unexpected '" + c + "'", input, pos);
        }
        String s = sb.toString().strip();
        if (s.isEmpty()) {
            throw error("Missing value", input, start);
        }
        return dictKey ? s : typed(s);
    }

    /** A call of one of Hydra's grammar functions; {@code pos} is at its '('. */
    private Object call(String name, int start) {
        int open = pos++;
        List<Object> args = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        calls++;
        enter();
        try {
            skipSpaces();
            while (!peek(')')) {
                if (pos >= text.length()) {
                    throw error("Unclosed call of " + name + "() opened at position " + open, input, pos);
                }
                var m = NAMED_ARG.matcher(text).region(pos, text.length());
                if (m.lookingAt()) {
                    pos = m.end();
                    named.put(m.group(1), element());
                } else {
                    if (!named.isEmpty()) {
                        throw error("A positional argument follows a named one in " + name + "()", input, pos);
                    }
                    args.add(element());
                }
                if (peek(',')) {
                    pos++;
                    skipSpaces();
                } else if (!peek(')')) {
                    throw error("Expected ',' or ')' in the call of " + name + "() opened at position " + open,
                            input, pos);
                }
            }
            pos++;
        } finally {
            calls--;
            depth--;
        }
        try {
            return GrammarFunctions.apply(name, args, named);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw error(name + "(): " + e.getMessage(), input, start);
        }
    }

    /** A sweep is allowed only as the whole value, not inside a list or dict. */
    private Object noSweep(Object value) {
        if (value instanceof Sweep) {
            throw error("A sweep cannot be nested in a list, dict or another sweep", input, pos);
        }
        return value;
    }

    private static @Nullable Object typed(String s) {
        if (INT.matcher(s).matches()) {
            java.math.BigInteger big = new java.math.BigInteger(s.replace("_", ""));
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s.replace("_", ""));
        }
        if (SPECIAL_FLOAT.matcher(s).matches()) {
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("nan") ? Double.NaN
                    : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s.equalsIgnoreCase("true"));
        }
        if (s.equalsIgnoreCase("null")) {
            return null;
        }
        return s;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static HydraException error(String what, String input, int position) {
        String pointer = position >= 0 && position <= input.length()
                ? " at position " + position + " ('" + input.substring(0, position) + "' ^ '"
                + input.substring(position) + "')" : "";
        return new HydraException(HydraException.Kind.OVERRIDE_PARSE,
                "Error parsing override '" + input + "': " + what + pointer
                        + ". See Hydra's override grammar: key=value, +key=value, ++key=value, ~key",
                "override '" + input + "'", null);
    }
}
