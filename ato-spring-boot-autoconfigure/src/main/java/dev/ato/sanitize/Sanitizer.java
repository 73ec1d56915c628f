package dev.ato.sanitize;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one component that decides what a user may see of a config value, a config, or a text that quotes values.
 *
 * <p>The model is Spring Boot's: when values are not shown ({@link #hidingValues()}, like {@code show-values:
 * never}) every value is masked; when they are shown, a key path whose segments look like a secret is masked
 * whatever the setting, then the application's own {@link Rule}s (in Spring, its {@code SanitizingFunction} beans)
 * may replace the value; the first rule that changes it wins.
 *
 * <p>A key path is secret when <em>any</em> of its segments matches (so {@code aws.credentials.access_key_id} and
 * every key under {@code db.password} are masked). The default segment rules are Spring Boot's: a segment ending
 * with {@code password}, {@code secret}, {@code key} or {@code token}, containing {@code credentials}, or equal to
 * {@code vcap_services}; plus Ato's: ending with {@code passwd}, {@code pwd}, {@code passphrase},
 * {@code credential}, {@code authorization} or {@code cookie}. The password of a URI's user info
 * ({@code postgres://app:******@db/x}) is masked in every text value. {@code sun.java.command} and
 * {@code spring.application.json} are texts: the values they quote are masked, not the whole text.
 *
 * <p>Instances are immutable and thread-safe. Example:
 * <pre>{@code
 * Sanitizer sanitizer = Sanitizer.defaults();
 * sanitizer.value("db.password", "hunter2");            // "******"
 * sanitizer.config(config);                              // a copy, secrets masked at every depth
 * sanitizer.text("command-line literal #0 'db.password=hunter2'");  // "... 'db.password=******'"
 * }</pre>
 */
public final class Sanitizer {

    /** What a masked value shows, Spring Boot's own mask. */
    public static final String MASK = "******";

    /** Spring Boot's default secret segments, then Ato's. Matched on the lower-case segment. */
    private static final List<Pattern> DEFAULT_SEGMENTS = List.of(
            Pattern.compile(".*(password|secret|key|token)"),
            Pattern.compile(".*credentials.*"),
            Pattern.compile("vcap_services"),
            Pattern.compile(".*(passwd|pwd|passphrase|credential|authorization|cookie)"));

    /** Whole key paths whose values are secret (Spring Boot's VCAP rule). */
    private static final Pattern SECRET_PATH = Pattern.compile("vcap\\.services(\\..*)?");

    /** The password of a URI's user info: {@code scheme://user:password@}. */
    private static final Pattern USERINFO = Pattern.compile(
            "(\\b[a-zA-Z][a-zA-Z0-9+.\\-]*://[^\\s:/@'\"]*:)([^\\s@/'\"]+)(@)");

    /**
     * A key followed by {@code =} or {@code :} in a text, such as {@code --db.password=x}, {@code -Dapi.key=x},
     * {@code password: x}, {@code "token": "x"} or {@code ?user=u&password=x}.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w.\\[\\]])([\"']?)([A-Za-z_][\\w.\\-\\[\\]]*)\\1(\\s*=\\s*|\\s*:\\s+|\\s*:(?=[\"']))");

    private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*]");

    private static final Sanitizer DEFAULTS = new Sanitizer(DEFAULT_SEGMENTS, List.of(), true);

    /**
     * A rule of the application's own, applied to a leaf value whose key is not already masked.
     */
    @FunctionalInterface
    public interface Rule {

        /**
         * The value to show for {@code value} at {@code keyPath}: a replacement (usually {@link #MASK}), or
         * {@code value} itself when this rule has nothing to say.
         */
        Object apply(String keyPath, Object value);
    }

    private final List<Pattern> segments;
    private final List<Rule> rules;
    private final boolean showValues;

    private Sanitizer(List<Pattern> segments, List<Rule> rules, boolean showValues) {
        this.segments = List.copyOf(segments);
        this.rules = List.copyOf(rules);
        this.showValues = showValues;
    }

    /** Spring Boot's default secret keys plus Ato's, values shown otherwise, no rules of the application's own. */
    public static Sanitizer defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults plus {@code extraSegmentPatterns} (regular expressions matched, whole and case-insensitively, on
     * every segment of a key path) and {@code rules} (tried in order after the key rules).
     */
    public static Sanitizer of(Collection<String> extraSegmentPatterns, @Nullable List<? extends Rule> rules) {
        List<Pattern> all = new ArrayList<>(DEFAULT_SEGMENTS);
        for (String pattern : extraSegmentPatterns) {
            all.add(Pattern.compile(pattern.toLowerCase(Locale.ROOT), Pattern.CASE_INSENSITIVE));
        }
        return new Sanitizer(all, new ArrayList<>(rules), true);
    }

    /** This sanitizer with every value masked, for a caller who may not see values ({@code show-values: never}). */
    public Sanitizer hidingValues() {
        return showValues ? new Sanitizer(segments, rules, false) : this;
    }

    /** This sanitizer if {@code show} is true, otherwise {@link #hidingValues()}. */
    public Sanitizer showingValues(boolean show) {
        return show ? (showValues ? this : new Sanitizer(segments, rules, true)) : hidingValues();
    }

    /** Whether this sanitizer shows values that are not secrets. */
    public boolean showsValues() {
        return showValues;
    }

    /**
     * Whether the value at {@code keyPath} is a secret: any of its segments (dots separate them, list indices such as
     * {@code [0]} are ignored) matches a secret rule.
     */
    public boolean isSecret(@Nullable String keyPath) {
        if (keyPath == null || keyPath.isEmpty()) {
            return false;
        }
        String lower = keyPath.toLowerCase(Locale.ROOT);
        if (SECRET_PATH.matcher(lower).matches()) {
            return true;
        }
        for (String segment : INDEX.matcher(lower).replaceAll("").split("\\.")) {
            if (isSecretSegment(segment)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSecretSegment(String segment) {
        for (Pattern pattern : segments) {
            if (pattern.matcher(segment).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to show for {@code value} at {@code keyPath}. A dict ({@link ADict} or {@link Map}) or list comes back as
     * a copy of the same shape with each leaf sanitized at its own path ({@code keyPath.child}, {@code keyPath[0]}),
     * so keys stay visible; a secret leaf becomes {@link #MASK}; a text is passed through {@link #text(String)}.
     * {@code null} stays {@code null}.
     */
    public Object value(@Nullable String keyPath, Object value) {
        String path = keyPath == null ? "" : keyPath;
        return sanitize(path, value, isSecret(path));
    }

    /** A copy of {@code config} with every leaf sanitized at its dotted path. */
    public @Nullable ADict config(ADict config) {
        return config == null ? null : (ADict) sanitize("", config, false);
    }

    /**
     * A copy of {@code map} (nested maps, ADicts and lists included) with every leaf sanitized; its keys are taken
     * as paths below {@code prefix} ({@code ""} for none), so a flat map of dotted keys works as well as a tree.
     */
    public @Nullable Map<String, Object> map(@Nullable String prefix, @Nullable Map<String, ?> map) {
        if (map == null) {
            return null;
        }
        String path = prefix == null ? "" : prefix;
        Map<String, Object> result = new LinkedHashMap<>();
        boolean secret = isSecret(path);
        map.forEach((key, value) -> {
            String child = join(path, key);
            result.put(key, sanitize(child, value, secret || isSecret(child)));
        });
        return result;
    }

    /** {@link #map(String, Map)} with no prefix. */
    public Map<String, Object> map(Map<String, ?> map) {
        return map(null, map);
    }

    /**
     * {@code text} with the values it quotes masked: the value of every secret {@code key=value} or
     * {@code key: value} (as in {@code command-line literal #0 'db.password=x'}, {@code --api.token=x},
     * {@code -Dx.secret=x}, JSON, a JDBC URL's query), and a URI's user-info password. When values are hidden,
     * the value of every {@code key=value} is masked. Use it for origins, layer names, error messages and any other
     * text shown to a user.
     */
    public String text(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = USERINFO.matcher(text).replaceAll("$1" + MASK + "$3");
        Matcher m = ASSIGNMENT.matcher(result);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < result.length() && m.find(from)) {
            String key = m.group(2);
            boolean equalsSign = m.group(3).contains("=");
            if (!isSecret(key) && !(equalsSign && !showValues)) {
                from = m.end(2);
                continue;
            }
            int start = m.end();
            int end = valueEnd(result, m.start(), start);
            if (end > start) {
                boolean quoted = result.charAt(start) == '"' || result.charAt(start) == '\'';
                int maskFrom = quoted ? start + 1 : start;
                int maskTo = quoted ? Math.max(maskFrom, end - 1) : end;
                if (out == null) {
                    out = new StringBuilder(result.length());
                }
                out.append(result, copied, maskFrom).append(MASK);
                copied = maskTo;
            }
            from = Math.max(end, m.end());
        }
        if (out == null) {
            return result;
        }
        return out.append(result, copied, result.length()).toString();
    }

    /**
     * {@link #text(String)}, and also every text form of a value that {@code context} holds at a secret key, wherever
     * it appears (an error message that quotes a value without its key).
     */
    public String text(String text, @Nullable ADict context) {
        String result = text(text);
        if (result == null || context == null) {
            return result;
        }
        for (String secret : secretTexts(context)) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** The text forms of the values {@code config} holds at secret keys, longest first (three characters or more). */
    private Set<String> secretTexts(ADict config) {
        List<String> found = new ArrayList<>();
        config.leaves().forEach((key, value) -> {
            if (value != null && isSecret(key)) {
                collectTexts(value, found);
            }
        });
        found.removeIf(s -> s.length() < 3 || s.equals(MASK));
        found.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new LinkedHashSet<>(found);
    }

    private static void collectTexts(@Nullable Object value, List<String> into) {
        if (value instanceof List<?> list) {
            list.forEach(item -> collectTexts(item, into));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collectTexts(item, into));
        } else if (value instanceof ADict dict) {
            dict.leaves().values().forEach(item -> collectTexts(item, into));
        } else if (value != null) {
            into.add(String.valueOf(value));
        }
    }

    /** Where a quoted value ends: its closing quote, the quote that opened before the key, or a separator. */
    private static int valueEnd(String text, int keyStart, int valueStart) {
        if (valueStart >= text.length()) {
            return valueStart;
        }
        char first = text.charAt(valueStart);
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, valueStart + 1);
            return close < 0 ? text.length() : close + 1;
        }
        char opener = keyStart > 0 ? text.charAt(keyStart - 1) : 0;
        if (opener == '\'' || opener == '"') {
            int close = text.indexOf(opener, valueStart);
            return close < 0 ? text.length() : close;
        }
        int i = valueStart;
        while (i < text.length() && !isSeparator(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == ',' || c == ';' || c == '&' || c == ')' || c == '}' || c == ']'
                || c == '\'' || c == '"';
    }

    private Object sanitize(String path, Object value, boolean secret) {
        if (value instanceof ADict dict) {
            ADict result = new ADict();
            dict.forEach((key, child) -> {
                String childPath = join(path, key);
                result.put(key, sanitize(childPath, child, secret || isSecret(childPath)));
            });
            return result;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, child) -> {
                String childPath = join(path, String.valueOf(key));
                result.put(String.valueOf(key), sanitize(childPath, child, secret || isSecret(childPath)));
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                result.add(sanitize(path + "[" + i + "]", list.get(i), secret));
            }
            return result;
        }
        return leaf(path, value, secret);
    }

    private @Nullable Object leaf(String path, @Nullable Object value, boolean secret) {
        if (value == null) {
            return null;
        }
        if (secret || !showValues) {
            return MASK;
        }
        for (Rule rule : rules) {
            Object shown = rule.apply(path, value);
            if (!Objects.equals(shown, value)) {
                return shown;
            }
        }
        return value instanceof String text ? text(text) : value;
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }
}
