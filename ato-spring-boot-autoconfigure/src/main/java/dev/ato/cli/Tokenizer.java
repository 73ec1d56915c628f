package dev.ato.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into tokens the way Python ato does: at whitespace, except inside brackets and
 * {@code %...%} strings. A token whose value is a bracketed structure or a {@code %...%} string ends where that
 * value closes ({@code x=%hello%world} gives {@code x=%hello%} and {@code world}).
 */
final class Tokenizer {

    private final String text;
    private int pos;
    private int depth;
    /** True where a value may begin: token start, after the key's {@code =}, and after {@code [ ( { , :}. */
    private boolean valueStart;
    /** True when the outermost bracket opened where a value begins, so closing it ends the token. */
    private boolean structureValue;
    private int assignmentSign;

    private Tokenizer(String text, int start) {
        this.text = text;
        this.pos = start;
        this.valueStart = true;
        this.assignmentSign = -1;
    }

    static List<String> tokenize(String commandLine) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = commandLine.length();
        while (true) {
            while (i < n && Character.isWhitespace(commandLine.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return tokens;
            }
            int end = new Tokenizer(commandLine, i).scanToken();
            tokens.add(commandLine.substring(i, end));
            i = end;
        }
    }

    /**
     * Index of the {@code =} that separates key and value in a token: the first one outside brackets and
     * {@code %...%} strings; -1 for a bare token (a view name).
     */
    static int assignmentSign(String token) {
        Tokenizer scan = new Tokenizer(token, 0);
        scan.scanToken();
        return scan.assignmentSign;
    }

    /** Scans one token from {@code pos} and returns its end (exclusive). */
    private int scanToken() {
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (depth == 0 && Character.isWhitespace(c)) {
                return pos;
            }
            if (c == '%' && valueStart) {
                pos = skipPercentString(pos);
                valueStart = false;
                if (depth == 0) {
                    return pos;
                }
            } else if ((c == '\'' || c == '"') && valueStart && depth > 0) {
                pos = skipQuoted(pos, c);
                valueStart = false;
            } else if (c == '[' || c == '(' || c == '{') {
                if (depth == 0) {
                    structureValue = valueStart;
                }
                depth++;
                valueStart = true;
                pos++;
            } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
                depth--;
                valueStart = false;
                pos++;
                if (depth == 0 && structureValue) {
                    return pos;
                }
            } else if (depth > 0 && (c == ',' || c == ':')) {
                valueStart = true;
                pos++;
            } else if (depth > 0 && Character.isWhitespace(c)) {
                pos++;
            } else if (c == '=' && depth == 0 && assignmentSign < 0) {
                assignmentSign = pos;
                valueStart = true;
                pos++;
            } else {
                valueStart = false;
                pos++;
            }
        }
        return n;
    }

    /** End of the {@code %...%} string opening at {@code open}: {@code %%} and backslash pairs do not close it. */
    private int skipPercentString(int open) {
        int n = text.length();
        int i = open + 1;
        if (i < n && text.charAt(i) == '%') {
            return i + 1;
        }
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '%') {
                if (i + 1 < n && text.charAt(i + 1) == '%') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    private int skipQuoted(int open, char quote) {
        int n = text.length();
        int i = open + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return n;
    }
}
