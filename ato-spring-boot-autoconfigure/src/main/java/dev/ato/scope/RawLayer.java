package dev.ato.scope;

import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;

/**
 * What a layer changed, as captured during resolution: kept raw (no maps, no attribution) so that resolving stays
 * cheap; {@link Resolution} turns it into {@link Layer}s and {@link Origin}s when asked.
 */
final class RawLayer {

    /** Names the literal or property source behind one key of a CLI or external layer. */
    interface Attribution {
        /** The origin name for {@code key}; {@code index} receives the literal's position (or -1). */
        Origin originOf(String key, Object value, boolean removed, RawLayer layer);
    }

    final String name;
    final LayerKind kind;
    final int priority;
    final List<String> writtenKeys = new ArrayList<>();
    final List<Object> writtenValues = new ArrayList<>();
    final List<String> removedKeys = new ArrayList<>(0);
    private final Attribution attribution;
    /** Keys already recorded, built on first use by {@link #writtenEvenIfUnchanged}. */
    private Set<String> seen;

    RawLayer(String name, LayerKind kind, int priority, Attribution attribution) {
        this.name = name;
        this.kind = kind;
        this.priority = priority;
        this.attribution = attribution;
    }

    void written(String key, Object snapshot) {
        writtenKeys.add(key);
        writtenValues.add(snapshot);
    }

    /**
     * Records the leaves of an input the user gave explicitly (a literal, an external property) that the diff did
     * not see because they already had that value: the user did set them, and the history should say so.
     */
    void writtenEvenIfUnchanged(String key, Object value) {
        if (seen == null) {
            seen = new HashSet<>(writtenKeys);
            seen.addAll(removedKeys);
        }
        if (value instanceof ADict dict && !dict.isEmpty()) {
            dict.forEach((k, v) -> writtenEvenIfUnchanged(key + "." + k, v));
        } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> writtenEvenIfUnchanged(key + "." + k, v));
        } else if (!(value instanceof ADict) && !(value instanceof Map) && seen.add(key)) {
            written(key, Shadow.snapshot(value));
        }
    }


    void removed(String key) {
        removedKeys.add(key);
    }

    Origin origin(String key, Object value, boolean removed) {
        if (attribution != null) {
            return attribution.originOf(key, value, removed, this);
        }
        return new Origin(key, value, removed, kind, name, -1);
    }
}
