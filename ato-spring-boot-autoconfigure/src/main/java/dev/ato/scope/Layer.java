package dev.ato.scope;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * What one step of a resolution wrote, in flattened form: one Spring {@code PropertySource} per layer, applied in
 * order with the last winning, reproduces the resolved config, removed keys included.
 *
 * <p>Keys are dotted paths to leaves. A leaf is any value that is not a dict: a string, number, boolean,
 * {@code null} or a list (lists are not flattened; they are unmodifiable snapshots, dicts inside them plain maps).
 * Empty dicts have no leaves, so they do not appear.
 *
 * @param name     view name; {@code "base"}, {@code "external"} or {@code "cli"} for the other layers
 * @param kind     the step of the merge order
 * @param priority the view's priority; 0 for layers that are not views
 * @param values   dotted key to the value written, in write order
 * @param removed  dotted keys that existed before this layer and not after it (including the leaves of a dict
 *                 replaced by a scalar, and a scalar replaced by a dict)
 */
public record Layer(String name, LayerKind kind, int priority, Map<String, Object> values, Set<String> removed) {

    public Layer {
        values = Collections.unmodifiableMap(values);
        removed = Collections.unmodifiableSet(removed);
    }
}
