package dev.ato.hydra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OmegaConf's merge: dicts merge key by key (new keys go after existing ones), everything else — lists included —
 * is replaced, and a {@code ???} value never replaces a value that is already there. Records, for every key it
 * writes, where the value came from.
 */
final class ConfigMerger {

    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    Map<String, Object> root() {
        return root;
    }

    Map<String, String> origins() {
        return origins;
    }

    /** Merges {@code content} at {@code packagePath} ({@code ""} is the root). */
    void mergeAt(String packagePath, Map<String, Object> content, String source) {
        Map<String, Object> target = root;
        String prefix = "";
        if (!packagePath.isEmpty()) {
            for (String segment : packagePath.split("\\.")) {
                prefix = prefix.isEmpty() ? segment : prefix + "." + segment;
                Object existing = target.get(segment);
                if (!(existing instanceof Map<?, ?>)) {
                    existing = new LinkedHashMap<String, Object>();
                    target.put(segment, existing);
                    origins.put(prefix, source);
                }
                target = asMap(existing);
            }
        }
        merge(target, content, prefix, source);
    }

    void merge(Map<String, Object> dest, Map<String, Object> src, String prefix, String source) {
        for (Map.Entry<String, Object> e : src.entrySet()) {
            String key = e.getKey();
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            Object value = e.getValue();
            Object existing = dest.get(key);
            if (Hydra.MANDATORY.equals(value) && dest.containsKey(key)) {
                continue;
            }
            if (value instanceof Map<?, ?> && existing instanceof Map<?, ?>) {
                merge(asMap(existing), asMap(value), path, source);
            } else {
                dest.put(key, deepCopy(value));
                origins.put(path, source);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }
}
