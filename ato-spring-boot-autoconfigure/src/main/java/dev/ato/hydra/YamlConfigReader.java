package dev.ato.hydra;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLAnchorReplayingFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a YAML config file the way OmegaConf loads it: YAML 1.1 scalars ({@code yes/no/on/off} are booleans,
 * {@code 017} is octal, {@code 1:30} is 90) plus OmegaConf's float rule ({@code 1e-4} is a float). Jackson parses
 * the document (anchors, aliases and merge keys included); plain scalars are typed here, because Jackson follows
 * YAML 1.2, and a scalar counts as quoted when the source text at its position starts with a quote.
 */
final class YamlConfigReader {

    private static final YAMLMapper MAPPER = new YAMLMapper(new YAMLAnchorReplayingFactory());
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("yes|Yes|YES|true|True|TRUE|on|On|ON");
    private static final Pattern FALSE = Pattern.compile("no|No|NO|false|False|FALSE|off|Off|OFF");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");
    private static final Pattern OCTAL = Pattern.compile("[-+]?0[0-7_]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
    private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?([0-9][0-9_]*\\.[0-9_]*|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");
    private static final Pattern HEADER_LINE = Pattern.compile("#\\s*@");
    private static final Pattern PACKAGE_HEADER = Pattern.compile("#\\s*@package\\s+(\\S*)\\s*");

    private YamlConfigReader() {
    }

    /** The top-level mapping of {@code text} ({@code source} names the file in errors); empty for an empty file. */
    static LinkedHashMap<String, Object> read(String text, String source) {
        Object value = readValue(text, source);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof LinkedHashMap<?, ?>)) {
            throw new HydraException(HydraException.Kind.CONFIG_PARSE,
                    "A config file must hold a mapping at the top level, not " + describe(value), source, null);
        }
        @SuppressWarnings("unchecked")
        LinkedHashMap<String, Object> map = (LinkedHashMap<String, Object>) value;
        return map;
    }

    /** The value of a YAML document, typed as OmegaConf types it ({@code null} for an empty document). */
    static Object readValue(String text, String source) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken token = parser.nextToken();
            return token == null ? null : readValue(parser, token, text, source, "");
        } catch (JacksonException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new HydraException(HydraException.Kind.CONFIG_PARSE,
                    "Invalid YAML: " + e.getOriginalMessage(), source + line, null, e);
        }
    }

    /** The value of a {@code # @package} line in the comment block that opens the file, or {@code null}. */
    static String packageHeader(String text) {
        // Hydra reads header lines (# @key value) at the top; any other line, a plain comment too, ends the header
        String result = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!HEADER_LINE.matcher(trimmed).lookingAt()) {
                break;
            }
            var m = PACKAGE_HEADER.matcher(trimmed);
            if (m.matches()) {
                result = m.group(1);
            }
        }
        return result;
    }

    private static Object readValue(JsonParser p, JsonToken token, String text, String source, String path) {
        switch (token) {
            case START_OBJECT -> {
                LinkedHashMap<String, Object> map = new LinkedHashMap<>();
                // keys a merge key (<<: *anchor) brought in sit before this mapping in the text: the mapping's
                // own keys override them, as YAML's merge key type says
                long start = p.currentTokenLocation().getCharOffset();
                java.util.Set<String> merged = new java.util.HashSet<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    int line = p.currentTokenLocation().getLineNr();
                    boolean fromMerge = p.currentTokenLocation().getCharOffset() < start;
                    String child = path.isEmpty() ? key : path + "." + key;
                    Object value = readValue(p, p.nextToken(), text, source, child);
                    if (map.containsKey(key)) {
                        if (fromMerge) {
                            continue; // an explicit key, or an earlier merged one, wins
                        }
                        if (!merged.remove(key)) {
                            throw new HydraException(HydraException.Kind.CONFIG_PARSE, "Duplicate key '" + key
                                    + "' (line " + line + "); each key may appear once per mapping",
                                    source + ":" + line, child);
                        }
                    } else if (fromMerge) {
                        merged.add(key);
                    }
                    map.put(key, value);
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, t, text, source, path + "[" + list.size() + "]"));
                }
                return list;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return scalar(p, text);
            }
        }
    }

    private static Object scalar(JsonParser p, String text) {
        String value = p.getString();
        int at = (int) p.currentTokenLocation().getCharOffset();
        char first = at >= 0 && at < text.length() ? text.charAt(at) : ' ';
        if (first == '&') { // an anchor: the scalar starts after its name
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            first = at < text.length() ? text.charAt(at) : ' ';
        }
        return switch (first) {
            case '\'', '"', '|', '>' -> value;
            case '!' -> p.currentToken() == JsonToken.VALUE_STRING ? value : plain(value); // explicit tag
            default -> plain(value);
        };
    }

    /** Types a plain (unquoted) scalar as YAML 1.1 with OmegaConf's float rule does. */
    static Object plain(String s) {
        char first = s.isEmpty() ? '~' : s.charAt(0);
        if (!Character.isDigit(first) && "-+.~nNyYtTfFoO".indexOf(first) < 0) {
            return s; // cannot be a null, bool or number: skip the patterns (most config strings)
        }
        if (NULL.matcher(s).matches()) {
            return null;
        }
        if (TRUE.matcher(s).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(s).matches()) {
            return Boolean.FALSE;
        }
        if (DECIMAL.matcher(s).matches()) {
            return integer(s.replace("_", ""), 10);
        }
        if (BINARY.matcher(s).matches()) {
            return integer(s.replace("_", "").replace("0b", ""), 2);
        }
        if (HEX.matcher(s).matches()) {
            return integer(s.replace("_", "").replace("0x", ""), 16);
        }
        if (OCTAL.matcher(s).matches()) {
            return integer(s.replace("_", ""), 8);
        }
        if (SEXAGESIMAL.matcher(s).matches()) { // YAML 1.1 base 60: 1:30 is 90
            BigInteger total = BigInteger.ZERO;
            for (String part : s.replace("_", "").replaceFirst("^[-+]", "").split(":")) {
                total = total.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
            return narrow(s.startsWith("-") ? total.negate() : total);
        }
        if (FLOAT.matcher(s).matches()) {
            return Double.parseDouble(s.replace("_", ""));
        }
        if (INF.matcher(s).matches()) {
            return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(s).matches()) {
            return Double.NaN;
        }
        return s;
    }

    private static Object integer(String digits, int radix) {
        return narrow(new BigInteger(digits, radix));
    }

    private static Object narrow(BigInteger big) {
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private static String describe(Object value) {
        return value instanceof List<?> ? "a list" : "a scalar '" + value + "'";
    }
}
