package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;
import dev.ato.adict.PythonLiteralReader;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An OpenMMLab {@code .py} config read as a literal subset, never executed: {@code name = value} statements whose
 * values are Python literals as the one {@link PythonLiteralReader} reads them (the same forms as the command
 * line), plus what a file needs: {@code dict(k=v)} and names assigned earlier in the file or inherited from the
 * bases. Anything else is an error naming file and line. Names copy their value, and the copies count toward
 * {@link Limits#maxExpansion()}, so doubling a list by names cannot exhaust memory.
 *
 * @param bases the merged {@code _base_} configs ({@code _base_} must come before any name that uses them)
 * @param own   the file's own assignments, in order
 */
record PyLiteralConfig(ADict bases, ADict own) {

    static PyLiteralConfig read(Path file, Function<Object, ADict> loadBases) {
        return parse(FileFormat.readText(file), file, loadBases);
    }

    /** Parses {@code text} as the content of {@code file} (named in errors). */
    static PyLiteralConfig parse(String text, Path file, Function<Object, ADict> loadBases) {
        Limits.current().checkDocumentSize(text.length(), file.toString());
        return new Parser(file, text, loadBases, Limits.current()).parse();
    }

    private static final Set<String> KEYWORDS = Set.of("import", "from", "def", "class", "if", "for", "while",
            "with", "lambda", "del", "return");

    /** The {@code .py} dialect of the shared reader: statements, comments, names and {@code dict(...)}. */
    private static final class Parser extends PythonLiteralReader {
        private final Path file;
        private final Function<Object, ADict> loadBases;
        private final ADict own = new ADict();
        /** Values each own name stands for, as counted when it was assigned. */
        private final Map<String, Long> sizes = new HashMap<>();
        private ADict bases = new ADict();

        Parser(Path file, String src, Function<Object, ADict> loadBases, Limits limits) {
            super(src, 0, limits);
            this.file = file;
            this.loadBases = loadBases;
        }

        PyLiteralConfig parse() {
            while (true) {
                skipSpaceAndNewlines();
                if (pos >= end) {
                    return new PyLiteralConfig(bases, own);
                }
                int start = pos;
                String name = identifier();
                if (name == null || KEYWORDS.contains(name)) {
                    throw error(start, "expected an assignment 'name = value'", "");
                }
                skipWhitespace();
                if (pos >= end || text.charAt(pos) != '=') {
                    throw error(pos, "expected '=' after '" + name
                            + "' (only assignments of literals are read; nothing is executed)", "");
                }
                pos++;
                long before = producedSoFar();
                pushKey(name);
                Object value = value();
                popKey();
                skipWhitespace();
                if (pos < end && text.charAt(pos) != '\n' && text.charAt(pos) != '\r' && text.charAt(pos) != ';') {
                    throw error(pos, "unexpected text after the value of '" + name + "'", "");
                }
                if (pos < end && text.charAt(pos) == ';') {
                    pos++;
                }
                if (name.equals(MmConfigLoader.BASE)) {
                    bases = loadBases.apply(value);
                } else if (!(name.startsWith("__") && name.endsWith("__"))) {
                    own.put(name, value);
                    sizes.put(name, producedSoFar() - before);
                }
            }
        }

        @Override
        protected Object bareWord(boolean dictKey) {
            int start = pos;
            char c = text.charAt(pos);
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                pos++;
                while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                        || text.charAt(pos) == '_' || ((text.charAt(pos) == '-' || text.charAt(pos) == '+')
                        && Character.toLowerCase(text.charAt(pos - 1)) == 'e'))) {
                    pos++;
                }
                String word = text.substring(start, pos);
                Number number = word.endsWith("inf") || word.endsWith("nan") ? null : number(word, start);
                if (number == null) {
                    throw error(start, "'" + abbreviate(word) + "' is not a number literal", "");
                }
                produced(1);
                return number;
            }
            String name = identifier();
            if (name == null) {
                throw error(start, "expected a literal (dict, list, tuple, string, number, True/False/None) or a name",
                        "");
            }
            switch (name) {
                case "True":
                    produced(1);
                    return Boolean.TRUE;
                case "False":
                    produced(1);
                    return Boolean.FALSE;
                case "None":
                    produced(1);
                    return null;
                default:
                    break;
            }
            skipWhitespace();
            if (name.equals("dict") && pos < end && text.charAt(pos) == '(') {
                return keywordDict();
            }
            if (pos < end && (text.charAt(pos) == '(' || text.charAt(pos) == '.' || text.charAt(pos) == '[')) {
                throw error(pos, "'" + name + text.charAt(pos) + "...' is a call or an expression; only literals are read",
                        "");
            }
            if (own.asReadOnlyMap().containsKey(name)) {
                produced(sizes.getOrDefault(name, 1L));
                return copyOf(own.asReadOnlyMap().get(name));
            }
            if (bases.asReadOnlyMap().containsKey(name)) {
                Object value = bases.asReadOnlyMap().get(name);
                produced(count(value, limits.maxExpansion() - producedSoFar() + 1));
                return copyOf(value);
            }
            throw error(start, "name '" + name + "' is not assigned earlier in this file or in its _base_ files", "");
        }

        /** The values in {@code value}, counted without recursion up to {@code cap}. */
        private static long count(Object value, long cap) {
            long n = 0;
            Deque<Object> todo = new ArrayDeque<>();
            todo.push(value == null ? "" : value);
            while (!todo.isEmpty() && n < cap) {
                Object v = todo.pop();
                n++;
                if (v instanceof ADict d) {
                    d.forEach((k, x) -> todo.push(x == null ? "" : x));
                } else if (v instanceof List<?> l) {
                    l.forEach(x -> todo.push(x == null ? "" : x));
                }
            }
            return n;
        }

        /** A deep copy, so that merging into one name never changes another. */
        private static Object copyOf(Object value) {
            return new ADict().put("v", value).copy().asReadOnlyMap().get("v");
        }

        @Override
        protected String dictKey() {
            Object key = value();
            if (key instanceof ADict || key instanceof List) {
                throw error(pos, "a dict key must be a string or a number", "");
            }
            return PythonText.str(key);
        }

        @Override
        protected String quoted(char quote) {
            if (text.startsWith(String.valueOf(quote).repeat(3), pos)) {
                throw error(pos, "triple-quoted strings are not supported; use '...' or \"...\"", "");
            }
            return super.quoted(quote);
        }

        @Override
        protected boolean multilineStrings() {
            return false;
        }

        private String identifier() {
            int start = pos;
            if (pos < end && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
                while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                return text.substring(start, pos);
            }
            return null;
        }

        /** Spaces and comments; newlines too inside brackets, where Python joins lines. */
        @Override
        protected void skipWhitespace() {
            if (depth() > 0) {
                skipSpaceAndNewlines();
            } else {
                skipInlineSpace();
            }
        }

        private void skipInlineSpace() {
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || (c == '\\' && pos + 1 < end && text.charAt(pos + 1) == '\n')) {
                    pos += c == '\\' ? 2 : 1;
                } else if (c == '#') {
                    while (pos < end && text.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }

        private void skipSpaceAndNewlines() {
            while (pos < end) {
                skipInlineSpace();
                if (pos < end && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
                    pos++;
                } else {
                    return;
                }
            }
        }

        @Override
        protected RuntimeException error(int at, String what, String hint) {
            int line = lineOf(at);
            int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(at, end) - 1)) + 1;
            int lineEnd = text.indexOf('\n', lineStart);
            String shown = text.substring(lineStart, lineEnd < 0 ? end : lineEnd).strip();
            return new AtoConfigException(file + ":" + line + ": " + what + " (line: '" + abbreviate(shown) + "')");
        }

        private int lineOf(int at) {
            int line = 1;
            for (int i = 0; i < Math.min(at, end); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        @Override
        protected String source() {
            return file.toString();
        }

        @Override
        protected String position(int at) {
            int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(at, end) - 1)) + 1;
            return "line " + lineOf(at) + ", column " + (at - lineStart + 1);
        }
    }
}
