package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads XYZ text by indentation: each block is the run of lines at one indentation, a {@code key:} or {@code i)}
 * line without a value opens a deeper block, and a line that is not an entry continues the previous multi-line text.
 */
final class XyzReader {

    private static final Pattern INDEX = Pattern.compile("(-?\\d+)\\)(?: (.*))?");
    private static final Pattern FORMAT_HEADER = Pattern.compile("(key|index)[-_](prefix|postfix) ->.*");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern INTEGER_OR_FLOAT_START = Pattern.compile("-?[0-9.]");

    private final String[] lines;
    private final Limits limits;
    private final String source;
    private int next;
    private long produced;
    /** The key path of the block being read, for limit errors; its size is the nesting depth. */
    private final List<String> path = new ArrayList<>();

    XyzReader(String text) {
        this(text, "XYZ text", Limits.current());
    }

    XyzReader(String text, String source, Limits limits) {
        this.source = source;
        this.limits = limits;
        limits.checkDocumentSize(text.length(), source);
        lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("\r")) {
                lines[i] = lines[i].substring(0, lines[i].length() - 1);
            }
        }
    }

    Object read() {
        skipBlank();
        if (next >= lines.length) {
            return null;
        }
        int first = next;
        Entry entry = classify(first);
        if (entry.kind == Kind.TEXT) {
            return readTopLevelText(first);
        }
        Object result = readBlock(indentOf(first));
        skipBlank();
        if (next < lines.length) {
            throw error(next, "indented less than the first line (" + indentOf(first) + " spaces)");
        }
        return result;
    }

    private Object readTopLevelText(int first) {
        StringBuilder text = new StringBuilder(lines[first].stripLeading());
        for (int i = first + 1; i < lines.length; i++) {
            text.append('\n').append(lines[i]);
        }
        next = lines.length;
        return lines.length - first == 1 ? scalar(text.toString()) : text.toString();
    }

    /** Reads the entries at exactly {@code indent}; stops at the first line indented less. */
    private Object readBlock(int indent) {
        if (path.size() >= limits.maxDepth()) {
            throw limits.depthExceeded(source, keyPath(), "line " + (next + 1));
        }
        ADict dict = null;
        List<Object> list = null;
        java.util.Map<Object, Integer> lineOf = new java.util.HashMap<>();
        while (true) {
            skipBlank();
            if (next >= lines.length || indentOf(next) < indent) {
                break;
            }
            int lineNo = next;
            if (indentOf(lineNo) > indent) {
                throw error(lineNo, "indented deeper than the entry above, which has a value already");
            }
            Entry entry = classify(lineNo);
            next++;
            Object label = entry.kind == Kind.INDEX ? (Object) entry.index : entry.key;
            Integer first = lineOf.putIfAbsent(label, lineNo + 1);
            if (first != null && entry.kind != Kind.TEXT) {
                throw error(lineNo, "duplicate " + (entry.kind == Kind.INDEX ? "list index " : "key '")
                        + label + (entry.kind == Kind.INDEX ? "" : "'") + " (first at line " + first
                        + ", again at line " + (lineNo + 1) + ")");
            }
            if (++produced > limits.maxExpansion()) {
                throw limits.expansionExceeded(source, keyPath(), "line " + (lineNo + 1), "the text");
            }
            path.add(entry.kind == Kind.INDEX ? "[" + entry.index + "]" : String.valueOf(entry.key));
            Object value = entry.hasValue ? readValue(entry.value, lineNo) : readChildren(indent);
            path.remove(path.size() - 1);
            switch (entry.kind) {
                case INDEX -> {
                    if (dict != null) {
                        throw error(lineNo, "a list item among dict keys");
                    }
                    list = list == null ? new ArrayList<>() : list;
                    int index = entry.index;
                    // the None entries a gap creates are values too: "99999999) x" must not allocate 10^8 of them
                    produced += Math.max(0, index + 1L - list.size());
                    if (produced > limits.maxExpansion()) {
                        throw limits.expansionExceeded(source, keyPath(), "line " + (lineNo + 1),
                                "list index " + index);
                    }
                    while (list.size() <= index) {
                        list.add(null);
                    }
                    list.set(index, value);
                }
                case KEY -> {
                    if (list != null) {
                        throw error(lineNo, "a dict key among list items");
                    }
                    dict = dict == null ? new ADict() : dict;
                    dict.put(entry.key, value);
                }
                default -> throw error(lineNo, "expected 'key: value', 'key:' or 'i) value'");
            }
        }
        return list != null ? list : dict;
    }

    /** The block under a {@code key:} line, or {@code null} when nothing is indented under it. */
    private Object readChildren(int parentIndent) {
        skipBlank();
        if (next >= lines.length || indentOf(next) <= parentIndent) {
            return null;
        }
        return readBlock(indentOf(next));
    }

    /** A scalar, extended by the following non-entry lines when the value is multi-line text. */
    private Object readValue(String raw, int lineNo) {
        String t = raw.strip();
        if (t.length() > limits.maxNumberDigits() + 1 && !t.isEmpty() && INTEGER_OR_FLOAT_START.matcher(t).lookingAt()
                && t.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
            throw limits.numberTooLong(source, keyPath(), "line " + (lineNo + 1), t.length());
        }
        StringBuilder text = null;
        while (next < lines.length && !lines[next].isBlank() && classify(next).kind == Kind.TEXT) {
            text = text == null ? new StringBuilder(raw) : text;
            text.append('\n').append(lines[next++]);
        }
        return text == null ? scalar(raw) : text.toString();
    }

    private Entry classify(int lineNo) {
        String content = lines[lineNo].substring(indentOf(lineNo));
        if (FORMAT_HEADER.matcher(content).matches()) {
            throw error(lineNo, "format_dict headers are not supported; write XYZ with the default format");
        }
        Matcher index = INDEX.matcher(content);
        if (index.matches()) {
            int i;
            try {
                i = Integer.parseInt(index.group(1));
            } catch (NumberFormatException e) {
                i = -1;
            }
            if (i < 0) {
                throw error(lineNo, "list index " + index.group(1) + " is not a non-negative int");
            }
            return new Entry(Kind.INDEX, null, i, index.group(2) != null, index.group(2));
        }
        // Python ato strips the key: "lr : 0.1" is the key "lr"
        int separator = content.indexOf(": ");
        if (separator >= 0) {
            return new Entry(Kind.KEY, content.substring(0, separator).strip(), 0, true,
                    content.substring(separator + 2));
        }
        if (content.endsWith(":")) {
            return new Entry(Kind.KEY, content.substring(0, content.length() - 1).strip(), 0, false, null);
        }
        int colon = content.indexOf(':');
        if (colon >= 0) { // Python ato reads "a:1" as a: 1
            return new Entry(Kind.KEY, content.substring(0, colon).strip(), 0, true, content.substring(colon + 1).strip());
        }
        return new Entry(Kind.TEXT, null, 0, true, content);
    }

    /** Python ato's scalar rules, plus negative numbers and non-finite floats, which its dumps writes. */
    static Object scalar(String raw) {
        String t = raw.strip();
        if (t.isEmpty()) {
            return raw;
        }
        if (t.equals(Xyz.EMPTY_MAPPING)) {
            return new ADict();
        }
        if (t.equals(Xyz.EMPTY_SEQUENCE)) {
            return new ArrayList<>();
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "none":
                return null;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            case "nan":
                return Double.NaN;
            default:
                break;
        }
        if (INTEGER.matcher(t).matches()) {
            BigInteger b = new BigInteger(t);
            return b.bitLength() < 32 ? (Object) b.intValue() : b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        String unsigned = t.startsWith("-") ? t.substring(1) : t;
        String digits = unsigned.toLowerCase(java.util.Locale.ROOT).replace("e-", "").replace("e+", "").replace(".", "");
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return raw; // "1.2.3" is text (Python ato fails on it)
            }
        }
        return raw;
    }

    private void skipBlank() {
        while (next < lines.length && lines[next].isBlank()) {
            next++;
        }
    }

    private int indentOf(int lineNo) {
        String line = lines[lineNo];
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private String keyPath() {
        StringBuilder sb = new StringBuilder();
        for (String segment : path) {
            if (sb.length() > 0 && !segment.startsWith("[")) {
                sb.append('.');
            }
            sb.append(segment);
        }
        return sb.toString();
    }

    private AtoConfigException error(int lineNo, String what) {
        String line = lines[lineNo];
        String shown = line.length() <= 80 ? line : line.substring(0, 77) + "...";
        return new AtoConfigException("XYZ line " + (lineNo + 1) + " ('" + shown + "'): " + what);
    }

    private enum Kind { KEY, INDEX, TEXT }

    private record Entry(Kind kind, String key, int index, boolean hasValue, String value) {
    }
}
