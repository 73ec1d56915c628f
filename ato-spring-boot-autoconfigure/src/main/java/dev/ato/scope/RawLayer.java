package dev.ato.scope;

import java.util.ArrayList;
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
