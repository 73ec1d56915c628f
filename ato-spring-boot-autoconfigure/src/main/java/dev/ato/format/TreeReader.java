package dev.ato.format;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.Limits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.toml.TomlFactory;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one reader of JSON, YAML and TOML text into plain values (LinkedHashMap, List, String, Boolean, Integer,
 * Long, BigInteger, Double, null), used by {@link dev.ato.adict.ADict#load}, {@code loadMmConfig} and, through
 * them, {@code SearchSpace.from}; Hydra may pass its own typing of plain scalars.
 *
 * <ul>
 *   <li>YAML anchors, aliases and merge keys are resolved as YAML specifies (Jackson's anchor-replaying parser over
 *       SnakeYAML Engine): {@code exp: *b} is the anchored value; {@code <<: *b} merges b's keys, and the mapping's
 *       own keys win over merged ones, earlier merged mappings over later ones.</li>
 *   <li>A key twice in one mapping is an error naming both lines, in every format.</li>
 *   <li>The {@link Limits} apply: document size (checked before parsing), depth, digits per number, and values
 *       produced (so an alias bomb stops at {@link Limits#maxExpansion()}). The tree is built with an explicit stack:
 *       no recursion, so no {@link StackOverflowError} whatever the limits.</li>
 * </ul>
 * One token-stream factory per format and limits, configured here and shared.
 */
public final class TreeReader {

    private TreeReader() {
    }

    /** The factories of the limits they were built for; rebuilt only when {@link Limits#current()} changes. */
    private record Factories(Limits limits, Map<FileFormat, TokenStreamFactory> byFormat) {
    }

    private static volatile Factories factories;

    /**
     * Reads {@code text} in {@code format} (JSON, YAML or TOML) with {@link Limits#current()}; YAML scalars are
     * typed by YAML 1.2's core schema (as Jackson reads them).
     *
     * @param source the file or a description of the text, named in errors
     */
    public static @Nullable Object read(FileFormat format, String text, String source) {
        return read(format, text, source, Limits.current(), null);
    }

    /**
     * Reads {@code text} in {@code format}.
     *
     * @param plainScalars for YAML: types an unquoted scalar from its text (for example YAML 1.1 booleans), or
     *                     {@code null} for YAML 1.2's core schema; quoted and block scalars stay strings
     */
    public static @Nullable Object read(FileFormat format, String text, String source, Limits limits,
            @Nullable Function<String, @Nullable Object> plainScalars) {
        if (format == FileFormat.XYZ) {
            throw new IllegalArgumentException("XYZ has its own reader (Xyz)");
        }
        limits.checkDocumentSize(text.length(), source);
        try (JsonParser parser = factory(format, limits).createParser(ObjectReadContext.empty(), text)) {
            return new Builder(parser, format, text, source, limits, plainScalars).build();
        } catch (AtoConfigException e) {
            throw e;
        } catch (JacksonException e) {
            throw new AtoConfigException(source + where(e.getLocation()) + ": malformed " + format.name() + " ("
                    + firstLine(e.getOriginalMessage()) + ")", e);
        }
    }

    private static TokenStreamFactory factory(FileFormat format, Limits limits) {
        Factories current = factories;
        if (current == null || !current.limits().equals(limits)) {
            current = new Factories(limits, build(limits));
            factories = current;
        }
        return current.byFormat().get(format);
    }

    /** Jackson's own constraints sit just above Ato's, so Ato's checks (with key path and property) fire first. */
    private static Map<FileFormat, TokenStreamFactory> build(Limits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(saturated(limits.maxDepth() + 1L))
                .maxNumberLength(saturated(limits.maxDocumentSize() + 1)) // digits are checked here, before conversion
                .maxStringLength(saturated(Math.max(limits.maxStringLength(), limits.maxDocumentSize()) + 1))
                .maxDocumentLength(limits.maxDocumentSize() + 1)
                .build();
        Map<FileFormat, TokenStreamFactory> map = new EnumMap<>(FileFormat.class);
        // duplicates are detected here, where both lines are known (Jackson names only the second)
        map.put(FileFormat.JSON, JsonFactory.builder().streamReadConstraints(constraints)
                .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        map.put(FileFormat.TOML, TomlFactory.builder().streamReadConstraints(constraints).build());
        LoadSettings yaml = LoadSettings.builder().setCodePointLimit(saturated(limits.maxDocumentSize() + 1)).build();
        map.put(FileFormat.YAML, YAMLAnchorReplayingFactory.builder().loadSettings(yaml)
                .streamReadConstraints(constraints).disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        return map;
    }

    private static int saturated(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** An open mapping or list while the tree is built. */
    private static final class Frame {
        final Map<String, Object> map;
        final List<Object> list;
        final String path;
        final long startOffset;
        /** Line of each key, to name both lines of a duplicate. */
        final Map<String, Integer> lines;
        /** Keys that came from a YAML merge key: the mapping's own keys override them. */
        final Set<String> merged;
        String key;
        int keyLine;
        boolean keyMerged;

        Frame(boolean mapping, String path, long startOffset) {
            this.map = mapping ? new LinkedHashMap<>() : null;
            this.list = mapping ? null : new ArrayList<>();
            this.lines = mapping ? new HashMap<>() : null;
            this.merged = mapping ? new HashSet<>() : null;
            this.path = path;
            this.startOffset = startOffset;
        }

        Object value() {
            return map != null ? map : list;
        }

        String childPath() {
            if (map == null) {
                return path + "[" + list.size() + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    private static final class Builder {
        private final JsonParser parser;
        private final FileFormat format;
        private final String text;
        private final String source;
        private final Limits limits;
        private final Function<String, Object> plainScalars;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private long produced;

        Builder(JsonParser parser, FileFormat format, String text, String source, Limits limits,
                Function<String, Object> plainScalars) {
            this.parser = parser;
            this.format = format;
            this.text = text;
            this.source = source;
            this.limits = limits;
            this.plainScalars = plainScalars;
        }

        Object build() {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            Object root = null;
            boolean done = false;
            while (!done) {
                Frame top = stack.peek();
                if (top != null && top.map != null && token == JsonToken.PROPERTY_NAME) {
                    top.key = parser.currentName();
                    TokenStreamLocation at = parser.currentTokenLocation();
                    top.keyLine = at.getLineNr();
                    top.keyMerged = format == FileFormat.YAML && at.getCharOffset() >= 0
                            && at.getCharOffset() < top.startOffset;
                    token = parser.nextToken();
                    continue;
                }
                Object value;
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        String path = top == null ? "" : top.childPath();
                        if (stack.size() + 1 > limits.maxDepth()) {
                            throw limits.depthExceeded(source, path, position());
                        }
                        count(path);
                        long offset = parser.currentTokenLocation().getCharOffset();
                        stack.push(new Frame(token == JsonToken.START_OBJECT, path, offset));
                        token = parser.nextToken();
                        continue;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        value = stack.pop().value();
                        top = stack.peek();
                    }
                    default -> {
                        count(top == null ? "" : top.childPath());
                        value = scalar(token, top == null ? "" : top.childPath());
                    }
                }
                if (top == null) {
                    root = value;
                    done = true;
                } else {
                    add(top, value);
                    token = parser.nextToken();
                }
            }
            return root;
        }

        private void add(Frame frame, Object value) {
            if (frame.list != null) {
                frame.list.add(value);
                return;
            }
            String key = frame.key;
            if (frame.map.containsKey(key)) {
                boolean oldMerged = frame.merged.contains(key);
                if (frame.keyMerged) {
                    return; // a merged key never overrides: the mapping's own keys and earlier merges win
                }
                if (!oldMerged) {
                    throw new AtoConfigException(source + ":" + frame.keyLine + ": duplicate key '"
                            + frame.childPath() + "' (first at line " + frame.lines.get(key)
                            + ", again at line " + frame.keyLine + "); each key may appear once per mapping");
                }
                frame.merged.remove(key);
                frame.map.remove(key); // the own key replaces the merged one, in the own key's place
            } else if (frame.keyMerged) {
                frame.merged.add(key);
            }
            frame.lines.put(key, frame.keyLine);
            frame.map.put(key, value);
        }

        private Object scalar(JsonToken token, String path) {
            return switch (token) {
                case VALUE_NULL -> null;
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                    String digits = parser.getString();
                    if (digits.length() > limits.maxNumberDigits() + 1) {
                        throw limits.numberTooLong(source, path, position(), digits.length());
                    }
                    if (plainScalars != null) {
                        yield plainScalars.apply(digits);
                    }
                    yield token == JsonToken.VALUE_NUMBER_INT ? parser.getNumberValue() : (Object) parser.getDoubleValue();
                }
                case VALUE_STRING -> {
                    String s = parser.getString();
                    if (s.length() > limits.maxStringLength()) {
                        throw limits.stringTooLong(source, path, position(), "the scalar");
                    }
                    yield plainScalars != null && !quoted() ? plainScalars.apply(s) : s;
                }
                default -> parser.getString();
            };
        }

        /** Whether the YAML source at the scalar starts with a quote or a block indicator (after an anchor). */
        private boolean quoted() {
            int at = (int) parser.currentTokenLocation().getCharOffset();
            if (at < 0 || at >= text.length()) {
                return false;
            }
            if (text.charAt(at) == '&') {
                while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
                while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
            char first = at < text.length() ? text.charAt(at) : ' ';
            return first == '\'' || first == '"' || first == '|' || first == '>'
                    || first == '!' && parser.currentToken() == JsonToken.VALUE_STRING;
        }

        private void count(String path) {
            if (++produced > limits.maxExpansion()) {
                throw limits.expansionExceeded(source, path, position(), "the document (with its aliases)");
            }
        }

        private String position() {
            TokenStreamLocation at = parser.currentTokenLocation();
            return at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        }
    }
}
