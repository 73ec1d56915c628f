package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An OpenMMLab {@code .py} config read as a literal subset, never executed: {@code name = value} statements whose
 * values are {@code dict(k=v)}, {@code {k: v}}, lists, tuples (as lists), strings, numbers, {@code True/False/None}
 * and names assigned earlier in the file or inherited from the bases. Anything else is an error naming file and line.
 *
 * @param bases the merged {@code _base_} configs ({@code _base_} must come before any name that uses them)
 * @param own   the file's own assignments, in order
 */
record PyLiteralConfig(ADict bases, ADict own) {

    static PyLiteralConfig read(Path file, Function<Object, ADict> loadBases) {
        return new Parser(file, FileFormat.readText(file), loadBases).parse();
    }

    /** A recursive-descent parser over the characters of the file; {@code line} follows {@code pos}. */
    private static final class Parser {
        private final Path file;
        private final String src;
        private final Function<Object, ADict> loadBases;
        private final ADict own = new ADict();
        private ADict bases = new ADict();
        private int pos;
        private int depth; // inside brackets newlines are whitespace

        Parser(Path file, String src, Function<Object, ADict> loadBases) {
            this.file = file;
            this.src = src;
            this.loadBases = loadBases;
        }

        PyLiteralConfig parse() {
            while (true) {
                skipSpaceAndNewlines();
                if (pos >= src.length()) {
                    return new PyLiteralConfig(bases, own);
                }
                int start = pos;
                String name = identifier();
                if (name == null || isKeyword(name)) {
                    pos = start;
                    throw error("expected an assignment 'name = value'");
                }
                skipInlineSpace();
                if (!consume('=')) {
                    throw error("expected '=' after '" + name + "' (only assignments of literals are read; nothing is executed)");
                }
                Object value = value();
                skipInlineSpace();
                if (pos < src.length() && src.charAt(pos) != '\n' && src.charAt(pos) != '\r' && src.charAt(pos) != ';') {
                    throw error("unexpected text after the value of '" + name + "'");
                }
                if (pos < src.length() && src.charAt(pos) == ';') {
                    pos++;
                }
                if (name.equals(MmConfigLoader.BASE)) {
                    bases = loadBases.apply(value);
                } else if (!(name.startsWith("__") && name.endsWith("__"))) {
                    own.put(name, value);
                }
            }
        }

        private Object value() {
            skipSpace();
            if (pos >= src.length()) {
                throw error("expected a value, found the end of the file");
            }
            char c = src.charAt(pos);
            if (c == '{') {
                return braceDict();
            }
            if (c == '[') {
                return sequence('[', ']');
            }
            if (c == '(') {
                return parenthesized();
            }
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                return number();
            }
            int start = pos;
            String name = identifier();
            if (name == null) {
                throw error("expected a literal (dict, list, tuple, string, number, True/False/None) or a name");
            }
            switch (name) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                case "dict":
                    skipSpace();
                    if (pos < src.length() && src.charAt(pos) == '(') {
                        return callDict();
                    }
                    break;
                default:
                    break;
            }
            skipSpace();
            if (pos < src.length() && (src.charAt(pos) == '(' || src.charAt(pos) == '.' || src.charAt(pos) == '[')) {
                throw error("'" + name + src.charAt(pos) + "...' is a call or an expression; only literals are read");
            }
            if (own.asReadOnlyMap().containsKey(name)) {
                return copyOf(own.asReadOnlyMap().get(name));
            }
            if (bases.asReadOnlyMap().containsKey(name)) {
                return copyOf(bases.asReadOnlyMap().get(name));
            }
            pos = start;
            throw error("name '" + name + "' is not assigned earlier in this file or in its _base_ files");
        }

        private Object copyOf(Object value) {
            return value instanceof ADict d ? d.copy() : value instanceof List<?> l ? new ArrayList<>(l) : value;
        }

        private ADict callDict() {
            pos++; // (
            depth++;
            ADict result = new ADict();
            while (true) {
                skipSpace();
                if (consume(')')) {
                    depth--;
                    return result;
                }
                String key = identifier();
                if (key == null) {
                    throw error("expected 'name=value' inside dict(...)");
                }
                skipSpace();
                if (!consume('=')) {
                    throw error("expected '=' after '" + key + "' inside dict(...)");
                }
                result.put(key, value());
                if (!commaOr(')')) {
                    throw error("expected ',' or ')' inside dict(...)");
                }
            }
        }

        private ADict braceDict() {
            pos++; // {
            depth++;
            ADict result = new ADict();
            while (true) {
                skipSpace();
                if (consume('}')) {
                    depth--;
                    return result;
                }
                Object key = value();
                if (key instanceof ADict || key instanceof List) {
                    throw error("a dict key must be a string or a number");
                }
                skipSpace();
                if (!consume(':')) {
                    throw error("expected ':' after a dict key");
                }
                result.put(PythonText.str(key), value());
                if (!commaOr('}')) {
                    throw error("expected ',' or '}' inside {...}");
                }
            }
        }

        /** A tuple (read as a list), or a value in parentheses when there is no comma: {@code (1)} is 1. */
        private Object parenthesized() {
            int start = pos;
            pos++;
            depth++;
            skipSpace();
            if (!consume(')')) {
                Object first = value();
                skipSpace();
                if (consume(')')) {
                    depth--;
                    return first;
                }
            }
            depth--;
            pos = start;
            return sequence('(', ')');
        }

        private List<Object> sequence(char open, char close) {
            pos++;
            depth++;
            List<Object> result = new ArrayList<>();
            while (true) {
                skipSpace();
                if (consume(close)) {
                    depth--;
                    return result;
                }
                result.add(value());
                if (!commaOr(close)) {
                    throw error("expected ',' or '" + close + "' after an item of " + open + "..." + close);
                }
            }
        }

        /** Consumes a comma (returns true) or leaves the closing bracket for the loop (true); false otherwise. */
        private boolean commaOr(char close) {
            skipSpace();
            if (consume(',')) {
                return true;
            }
            return pos < src.length() && src.charAt(pos) == close;
        }

        private String string() {
            char quote = src.charAt(pos);
            if (src.startsWith(String.valueOf(quote).repeat(3), pos)) {
                throw error("triple-quoted strings are not supported; use '...' or \"...\"");
            }
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < src.length()) {
                char c = src.charAt(pos++);
                if (c == quote) {
                    return sb.toString();
                }
                if (c == '\n') {
                    break;
                }
                if (c == '\\' && pos < src.length()) {
                    char e = src.charAt(pos++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case '\\', '\'', '"' -> sb.append(e);
                        default -> sb.append('\\').append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated string");
        }

        private Object number() {
            int start = pos;
            if (src.charAt(pos) == '-' || src.charAt(pos) == '+') {
                pos++;
            }
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                    || src.charAt(pos) == '_'
                    || ((src.charAt(pos) == '-' || src.charAt(pos) == '+') && Character.toLowerCase(src.charAt(pos - 1)) == 'e'))) {
                pos++;
            }
            String text = src.substring(start, pos).replace("_", "");
            try {
                if (text.matches("[-+]?\\d+")) {
                    java.math.BigInteger b = new java.math.BigInteger(text);
                    return b.bitLength() < 64 ? (Object) b.longValue() : b;
                }
                if (text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    return Double.parseDouble(text);
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            pos = start;
            throw error("'" + src.substring(start, Math.min(src.length(), start + 20)).lines().findFirst().orElse("")
                    + "' is not a number literal");
        }

        private String identifier() {
            int start = pos;
            if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                    pos++;
                }
                return src.substring(start, pos);
            }
            return null;
        }

        private static boolean isKeyword(String name) {
            return List.of("import", "from", "def", "class", "if", "for", "while", "with", "lambda", "del", "return")
                    .contains(name);
        }

        private boolean consume(char c) {
            if (pos < src.length() && src.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** Spaces, comments, and newlines when inside brackets. */
        private void skipSpace() {
            if (depth > 0) {
                skipSpaceAndNewlines();
            } else {
                skipInlineSpace();
            }
        }

        private void skipInlineSpace() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == ' ' || c == '\t' || (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n')) {
                    pos += c == '\\' ? 2 : 1;
                } else if (c == '#') {
                    while (pos < src.length() && src.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        private void skipSpaceAndNewlines() {
            while (pos < src.length()) {
                skipInlineSpace();
                if (pos < src.length() && (src.charAt(pos) == '\n' || src.charAt(pos) == '\r')) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        private AtoConfigException error(String what) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < Math.min(pos, src.length()); i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int lineEnd = src.indexOf('\n', lineStart);
            String text = src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd).strip();
            return new AtoConfigException(file + ":" + line + ": " + what + " (line: '" + text + "')");
        }
    }
}
