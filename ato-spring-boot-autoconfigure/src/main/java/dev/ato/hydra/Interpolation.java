package dev.ato.hydra;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed form of a string that holds OmegaConf interpolations: literal text, config references
 * ({@code ${a.b}}, {@code ${..x}}, {@code ${a.${k}}}) and resolver calls ({@code ${oc.env:VAR,default}}).
 */
final class Interpolation {

    /** One piece of an interpolated string. */
    sealed interface Piece permits Text, Reference, Call {
    }

    /** Literal text. */
    record Text(String text) implements Piece {
    }

    /** A reference to another key; its path may itself contain interpolations. */
    record Reference(List<Piece> path) implements Piece {
    }

    /** A resolver call with its arguments. */
    record Call(String name, List<Argument> arguments) implements Piece {
    }

    /** One resolver argument: quoted (always a string) or unquoted (typed like an override value). */
    record Argument(List<Piece> pieces, boolean quoted) {
    }

    private final String text;
    private final dev.ato.adict.Limits limits = dev.ato.adict.Limits.current();
    private int pos;
    private int depth;

    private Interpolation(String text) {
        this.text = text;
    }

    /** Whether {@code s} holds an interpolation that is not escaped. */
    static boolean isInterpolated(String s) {
        int i = s.indexOf("${");
        while (i >= 0) {
            int slashes = 0;
            while (i - 1 - slashes >= 0 && s.charAt(i - 1 - slashes) == '\\') {
                slashes++;
            }
            if (slashes % 2 == 0) {
                return true;
            }
            i = s.indexOf("${", i + 1);
        }
        return s.contains("\\${");
    }

    /** Parses a whole config string value. */
    static List<Piece> parse(String s) {
        Interpolation p = new Interpolation(s);
        List<Piece> pieces = p.string(false);
        if (p.pos < s.length()) {
            throw new IllegalArgumentException("unexpected '" + s.charAt(p.pos) + "' at position " + p.pos);
        }
        return pieces;
    }

    /** The index of the '}' that closes the '{' at {@code open}, or -1. */
    static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Text and interpolations up to the end, or (inside a key) up to the closing brace. */
    private List<Piece> string(boolean insideKey) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && !insideKey) {
                int run = 0;
                while (pos + run < text.length() && text.charAt(pos + run) == '\\') {
                    run++;
                }
                if (text.startsWith("${", pos + run)) {
                    literal.append("\\".repeat(run / 2));
                    pos += run;
                    if (run % 2 == 1) {
                        literal.append("${");
                        pos += 2;
                    }
                } else {
                    literal.append("\\".repeat(run));
                    pos += run;
                }
                continue;
            }
            if (c == '$' && text.startsWith("${", pos)) {
                flush(literal, pieces);
                pieces.add(interpolation());
                continue;
            }
            if (insideKey && c == '}') {
                break;
            }
            literal.append(c);
            pos++;
        }
        flush(literal, pieces);
        return pieces;
    }

    private Piece interpolation() {
        if (++depth > limits.maxDepth()) {
            throw limits.depthExceeded("interpolation", "", "position " + pos);
        }
        try {
            return interpolationBody();
        } finally {
            depth--;
        }
    }

    private Piece interpolationBody() {
        int open = pos;
        pos += 2;
        int nameEnd = pos;
        while (nameEnd < text.length() && (Character.isLetterOrDigit(text.charAt(nameEnd))
                || text.charAt(nameEnd) == '_' || text.charAt(nameEnd) == '.' || text.charAt(nameEnd) == '-')) {
            nameEnd++;
        }
        if (nameEnd < text.length() && text.charAt(nameEnd) == ':' && nameEnd > pos
                && Character.isLetter(text.charAt(pos))) {
            String name = text.substring(pos, nameEnd);
            pos = nameEnd + 1;
            List<Argument> args = arguments();
            expect('}', open);
            return new Call(name, args);
        }
        List<Piece> path = string(true);
        expect('}', open);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty interpolation '${}' at position " + open);
        }
        return new Reference(path);
    }

    private List<Argument> arguments() {
        List<Argument> args = new ArrayList<>();
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '}') {
            return args;
        }
        while (true) {
            skipSpaces();
            args.add(argument());
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
            } else {
                return args;
            }
        }
    }

    private Argument argument() {
        if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
            char quote = text.charAt(pos++);
            List<Piece> pieces = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != quote) {
                if (text.charAt(pos) == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
                    literal.append(quote);
                    pos += 2;
                } else if (text.startsWith("${", pos)) {
                    flush(literal, pieces);
                    pieces.add(interpolation());
                } else {
                    literal.append(text.charAt(pos++));
                }
            }
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unclosed quote " + quote + " in resolver argument");
            }
            pos++;
            flush(literal, pieces);
            return new Argument(pieces, true);
        }
        List<Piece> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (text.startsWith("${", pos)) {
                flush(literal, pieces);
                pieces.add(interpolation());
                continue;
            }
            if (depth == 0 && (c == ',' || c == '}')) {
                break;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            literal.append(c);
            pos++;
        }
        String trimmed = literal.toString().stripTrailing();
        if (!trimmed.isEmpty() || pieces.isEmpty()) {
            literal.setLength(0);
            literal.append(trimmed);
        }
        flush(literal, pieces);
        return new Argument(pieces, false);
    }

    private void expect(char c, int open) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("interpolation opened at position " + open + " is not closed with '"
                    + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static void flush(StringBuilder literal, List<Piece> pieces) {
        if (literal.length() > 0) {
            pieces.add(new Text(literal.toString()));
            literal.setLength(0);
        }
    }
}
