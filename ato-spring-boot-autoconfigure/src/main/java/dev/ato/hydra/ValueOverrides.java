package dev.ato.hydra;

import dev.ato.hydra.HydraException.Kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies command-line overrides of config values to the composed config: {@code key=value} only for an existing
 * key (the config is in struct mode), {@code +key=value} only for a new (or null) key, {@code ++key=value} either
 * way, {@code ~key[=value]} deletes. Dict values merge into an existing dict; anything else replaces.
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
            throw new HydraException(Kind.COMPOSITION, "Could not override '" + o.key() + "': '" + o.keyOrGroup()
                    + "' is not a config group, so it cannot take an @package", source, o.key());
        }
        Object parent = parentOf(path);
        Object last = path.get(path.size() - 1);
        boolean exists = parent != null && has(parent, last);
        Object current = exists ? get(parent, last) : null;
        switch (o.type()) {
            case CHANGE -> {
                if (!exists) {
                    throw new HydraException(Kind.COMPOSITION, "Could not override '" + o.keyOrGroup()
                            + "'.\nTo append to your config use +" + o.input()
                            + "\n(Key '" + o.keyOrGroup() + "' is not in the composed config)", source,
                            o.keyOrGroup());
                }
                put(parent, last, o.value(), current, path, source);
            }
            case ADD -> {
                if (exists && current != null) {
                    throw new HydraException(Kind.COMPOSITION, "Could not append to config. An item is already at '"
                            + o.keyOrGroup() + "'; to change it use " + o.input().substring(1) + " (or ++"
                            + o.input().substring(1) + ")", source, o.keyOrGroup());
                }
                put(createParents(path, source), last, o.value(), null, path, source);
            }
            case FORCE_ADD -> put(createParents(path, source), last, o.value(), current, path, source);
            case DELETE -> {
                if (!exists) {
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

    private void put(Object parent, Object last, Object value, Object current, List<Object> path, String source) {
        String key = KeyPaths.format(path);
        if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
            merger.merge(ConfigMerger.asMap(current), ConfigMerger.asMap(value), key, source);
            return;
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
    private Object parentOf(List<Object> path) {
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
            if (has(node, segment) && get(node, segment) != null && !(get(node, segment) instanceof Map<?, ?>
                    || get(node, segment) instanceof List<?>)) {
                throw new HydraException(Kind.COMPOSITION, "Cannot add '" + KeyPaths.format(path) + "': '"
                        + KeyPaths.format(path.subList(0, i + 1)) + "' holds the value "
                        + PythonStr.str(get(node, segment)) + ", not a dict", source, KeyPaths.format(path));
            }
            if (!has(node, segment) || get(node, segment) == null) {
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
