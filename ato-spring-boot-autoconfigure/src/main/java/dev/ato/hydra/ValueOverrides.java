package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.hydra.HydraException.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies command-line overrides of config values to the composed config as Hydra 1.3 does (the config is in
 * OmegaConf's struct mode): {@code key=value} only for an existing key, and a dict value only with keys the dict
 * there already has; {@code +key=value} for a new or null key, or with a dict or list value; {@code ++key=value}
 * always; {@code ~key[=value]} deletes a key whose value is not null. Dict values merge into an existing dict, a
 * list replaces a list, a dict onto a list (or a list onto a dict) fails as OmegaConf's merge fails.
 */
final class ValueOverrides {

    private final ConfigMerger merger;

    ValueOverrides(ConfigMerger merger) {
        this.merger = merger;
    }

    void apply(CommandLineOverride o) {
        String source = "override '" + o.input() + "'";
        List<Object> path = KeyPaths.parse(o.keyOrGroup());
        if (o.packageText() != null) {
            throw new HydraException(Kind.COMPOSITION, "Override " + o.input() + " looks like a config group"
                    + " override, but config group '" + o.keyOrGroup() + "' does not exist.", source, o.key());
        }
        Object parent = parentOf(path);
        Object last = path.get(path.size() - 1);
        boolean exists = parent != null && has(parent, last);
        Object current = exists ? get(parent, last) : null;
        switch (o.type()) {
            case CHANGE -> {
                // struct mode: the key, and every key of a dict merged into it, must already exist
                if (!exists || value(o) instanceof Map<?, ?> m && current instanceof Map<?, ?> c && !fits(m, c)) {
                    throw new HydraException(Kind.COMPOSITION, "Could not override '" + o.keyOrGroup()
                            + "'.\nTo append to your config use +" + o.input() + "\n(" + (exists
                            ? "the dict holds keys that '" + o.keyOrGroup() + "' does not have"
                            : "Key '" + o.keyOrGroup() + "' is not in the composed config") + ")", source,
                            o.keyOrGroup());
                }
                put(parent, last, o, current, path, source);
            }
            case ADD -> {
                if (current != null && !(o.value() instanceof Map<?, ?> || o.value() instanceof List<?>)) {
                    String rest = o.input().substring(1);
                    throw new HydraException(Kind.COMPOSITION, "Could not append to config. An item is already at '"
                            + o.keyOrGroup() + "'.\nEither remove + prefix: '" + rest + "'\nOr add a second + to"
                            + " add or override '" + o.keyOrGroup() + "': '+" + o.input() + "'", source,
                            o.keyOrGroup());
                }
                put(createParents(path, source), last, o, current, path, source);
            }
            case FORCE_ADD -> put(createParents(path, source), last, o, current, path, source);
            case DELETE -> {
                // as Hydra: a key whose value is null counts as absent (OmegaConf.select returns None)
                if (current == null) {
                    throw new HydraException(Kind.COMPOSITION, "Could not delete from config. '" + o.keyOrGroup()
                            + "' does not exist.", source, o.keyOrGroup());
                }
                if (o.hasValue() && !sameValue(current, o.value())) {
                    throw new HydraException(Kind.COMPOSITION, "Could not delete from config. The value of '"
                            + o.keyOrGroup() + "' is " + PythonStr.str(current) + " and not "
                            + PythonStr.str(o.value()) + ".", source, o.keyOrGroup());
                }
                if (parent instanceof Map<?, ?> map) {
                    map.remove(String.valueOf(last));
                } else {
                    ((List<?>) parent).remove(KeyPaths.index(last));
                }
            }
        }
    }

    private static Object value(CommandLineOverride o) {
        return o.value();
    }

    /** Whether merging {@code value} into {@code current} adds no key (OmegaConf's struct mode). */
    private static boolean fits(Map<?, ?> value, Map<?, ?> current) {
        for (Map.Entry<?, ?> e : value.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!current.containsKey(key)) {
                return false;
            }
            if (e.getValue() instanceof Map<?, ?> v && current.get(key) instanceof Map<?, ?> c && !fits(v, c)) {
                return false;
            }
        }
        return true;
    }

    private void put(Object parent, Object last, CommandLineOverride o, Object current, List<Object> path,
                     String source) {
        Object value = o.value();
        String key = KeyPaths.format(path);
        if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
            merger.merge(ConfigMerger.asMap(current), ConfigMerger.asMap(value), key, source);
            return;
        }
        if (value instanceof Map<?, ?> && current instanceof List<?>
                || value instanceof List<?> && current instanceof Map<?, ?>) {
            // OmegaConf merges a dict or list value into the node there, and cannot merge across kinds
            throw new HydraException(Kind.COMPOSITION, "Error merging override " + o.input() + "\nCannot merge "
                    + (current instanceof Map<?, ?> ? "DictConfig with ListConfig" : "ListConfig with DictConfig")
                    + " ('" + key + "' holds a " + (current instanceof Map<?, ?> ? "dict" : "list") + ")", source, key);
        }
        Object copy = ConfigMerger.deepCopy(value);
        if (parent instanceof Map<?, ?>) {
            ConfigMerger.asMap(parent).put(String.valueOf(last), copy);
        } else {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) parent;
            int index = KeyPaths.index(last);
            if (index < 0 || index >= list.size()) {
                throw new HydraException(Kind.COMPOSITION, "Index " + last + " is outside the list at '"
                        + KeyPaths.format(path.subList(0, path.size() - 1)) + "' (size " + list.size()
                        + "); override the whole list instead, e.g. key=[a,b]", source, key);
            }
            list.set(index, copy);
        }
        merger.origins().put(key, source);
    }

    /** The container holding the last segment of {@code path}, or {@code null} if an intermediate is missing. */
    private @Nullable Object parentOf(List<Object> path) {
        Object node = merger.root();
        for (int i = 0; i < path.size() - 1; i++) {
            if (!has(node, path.get(i))) {
                return null;
            }
            node = get(node, path.get(i));
        }
        return node instanceof Map<?, ?> || node instanceof List<?> ? node : null;
    }

    private Object createParents(List<Object> path, String source) {
        Object node = merger.root();
        for (int i = 0; i < path.size() - 1; i++) {
            Object segment = path.get(i);
            // as OmegaConf.update: a scalar or null on the way is replaced by a dict
            if (!has(node, segment) || !(get(node, segment) instanceof Map<?, ?>
                    || get(node, segment) instanceof List<?>)) {
                if (!(node instanceof Map<?, ?>)) {
                    throw new HydraException(Kind.COMPOSITION, "Cannot create key '" + segment
                            + "' inside a list", source, KeyPaths.format(path));
                }
                ConfigMerger.asMap(node).put(String.valueOf(segment), new LinkedHashMap<String, Object>());
            }
            node = get(node, segment);
        }
        if (node instanceof List<?> && KeyPaths.index(path.get(path.size() - 1)) < 0) {
            throw new HydraException(Kind.COMPOSITION, "'" + path.get(path.size() - 1)
                    + "' is not a list index", source, KeyPaths.format(path));
        }
        return node;
    }

    private static boolean has(Object node, Object segment) {
        if (node instanceof Map<?, ?> map) {
            return map.containsKey(String.valueOf(segment));
        }
        if (node instanceof List<?> list) {
            int i = KeyPaths.index(segment);
            return i >= 0 && i < list.size();
        }
        return false;
    }

    private static Object get(Object node, Object segment) {
        if (node instanceof Map<?, ?> map) {
            return map.get(String.valueOf(segment));
        }
        return ((List<?>) node).get(KeyPaths.index(segment));
    }

    /** Python equality of config values: {@code 1 == 1.0}, containers compared deeply. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean)) {
            return x.doubleValue() == y.doubleValue();
        }
        return java.util.Objects.equals(a, b);
    }
}
