package dev.ato.scope;

import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a layer changed, as captured during resolution: kept raw (no maps, no attribution) so that resolving stays
 * cheap; {@link Resolution} turns it into {@link Layer}s and {@link Origin}s when asked.
 */
final class RawLayer {

    /** Names the literal or property source behind one key of a CLI or external layer. */
    interface Attribution {
        /** The origin of {@code key}, named after the literal or property source that wrote it. */
        Origin originOf(String key, Object value, boolean removed, RawLayer layer);

        /** Every write of {@code key} by this layer's inputs, oldest first; the last is {@link #originOf}. */
        default List<Origin> originsOf(String key, Object value, boolean removed, RawLayer layer) {
            return List.of(originOf(key, value, removed, layer));
        }
    }

    final String name;
    final LayerKind kind;
    final int priority;
    final List<String> removedKeys = new ArrayList<>(0);
    private final Attribution attribution;
    /** Writes as (parent path, key, value) triples: the dotted key is joined only when someone asks. */
    private Object[] writes = new Object[48];
    private int writeCount;
    /** Keys already recorded, built on first use by {@link #writtenEvenIfUnchanged}. */
    private Set<String> seen;

    RawLayer(String name, LayerKind kind, int priority, Attribution attribution) {
        this.name = name;
        this.kind = kind;
        this.priority = priority;
        this.attribution = attribution;
    }

    void written(String key, Object snapshot) {
        written("", key, snapshot);
    }

    void written(String parent, String key, Object snapshot) {
        if (writeCount * 3 == writes.length) {
            writes = Arrays.copyOf(writes, writes.length * 2);
        }
        int at = writeCount++ * 3;
        writes[at] = parent;
        writes[at + 1] = key;
        writes[at + 2] = snapshot;
    }

    int writeCount() {
        return writeCount;
    }

    String writtenKey(int i) {
        return Shadow.join((String) writes[i * 3], (String) writes[i * 3 + 1]);
    }

    Object writtenValue(int i) {
        return writes[i * 3 + 2];
    }

    /**
     * Records the leaves of an input the user gave explicitly (a literal, an external property) that the diff did
     * not see because they already had that value: the user did set them, and the history should say so.
     */
    void writtenEvenIfUnchanged(String key, Object value) {
        if (seen == null) {
            seen = new HashSet<>();
            for (int i = 0; i < writeCount; i++) {
                seen.add(writtenKey(i));
            }
            seen.addAll(removedKeys);
        }
        if (value instanceof ADict dict && !dict.isEmpty()) {
            dict.forEach((k, v) -> writtenEvenIfUnchanged(key + "." + k, v));
        } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> writtenEvenIfUnchanged(key + "." + k, v));
        } else if (!(value instanceof ADict) && !(value instanceof Map) && !parentSeen(key) && seen.add(key)) {
            written(key, Shadow.snapshot(value));
        }
    }

    /** Whether a later input of this layer replaced a dict above {@code key}, so {@code key} is gone. */
    private boolean parentSeen(String key) {
        for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
            if (seen.contains(key.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    void removed(String key) {
        removedKeys.add(key);
    }

    /** Every write of {@code key} in this layer, oldest first: one per input that set it when inputs are kept apart. */
    List<Origin> origins(String key, Object value, boolean removed) {
        if (attribution != null) {
            return attribution.originsOf(key, value, removed, this);
        }
        return List.of(new Origin(key, value, removed, kind, name, -1));
    }

    Origin origin(String key, Object value, boolean removed) {
        if (attribution != null) {
            return attribution.originOf(key, value, removed, this);
        }
        return new Origin(key, value, removed, kind, name, -1);
    }
}
