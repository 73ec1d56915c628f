package dev.ato.scope;

import dev.ato.AtoKeyException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The result of resolving a scope: the config, the views applied, and for every key which layer wrote it.
 *
 * <p>Resolution captures what each layer changed as it runs; layers, origins and histories are built from that
 * on first use, so a resolution that is never asked "why" costs little more than applying the views. The config
 * belongs to the caller (it is neither frozen nor copied); the provenance is a record of the resolution and does
 * not follow later edits of the config.
 */
public final class Resolution {

    private final String scopeName;
    private final ADict config;
    private final List<AppliedView> appliedViews;
    private final List<RawLayer> rawLayers;
    private final List<Fingerprint> fingerprints;
    private volatile List<Layer> layers;
    private volatile Provenance provenance;

    Resolution(String scopeName, ADict config, List<AppliedView> appliedViews, List<RawLayer> rawLayers,
               List<Fingerprint> fingerprints) {
        this.scopeName = scopeName;
        this.config = config;
        this.appliedViews = List.copyOf(appliedViews);
        this.rawLayers = rawLayers;
        this.fingerprints = new CopyOnWriteArrayList<>(fingerprints);
    }

    /** The name of the scope that was resolved. */
    public String scopeName() {
        return scopeName;
    }

    /** The resolved config. */
    public ADict config() {
        return config;
    }

    /** The views applied, in application order (non-lazy, then lazy). */
    public List<AppliedView> appliedViews() {
        return appliedViews;
    }

    /** Every layer that was applied, in order, with the flattened keys it wrote and removed. */
    public List<Layer> layers() {
        List<Layer> result = layers;
        if (result == null) {
            result = new ArrayList<>(rawLayers.size());
            for (RawLayer raw : rawLayers) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < raw.writeCount(); i++) {
                    values.put(raw.writtenKey(i), plain(raw.writtenValue(i)));
                }
                result.add(new Layer(raw.name, raw.kind, raw.priority, values, new LinkedHashSet<>(raw.removedKeys)));
            }
            result = Collections.unmodifiableList(result);
            layers = result;
        }
        return result;
    }

    /**
     * The layer that set the final value of {@code key}. For a dict, the newest write to any key inside it.
     *
     * @throws AtoKeyException when {@code key} is not in the resolved config
     */
    public Origin origin(String key) {
        List<Origin> history = history(key);
        Origin last = history.get(history.size() - 1);
        if (last.key().equals(key) && !last.removed()) {
            return last;
        }
        Map<String, List<Origin>> index = provenance().byKey();
        for (int i = history.size() - 1; i >= 0; i--) {
            Origin write = history.get(i);
            if (!write.removed() && !write.key().equals(key)) {
                List<Origin> leaf = index.get(write.key());
                if (leaf.get(leaf.size() - 1) == write) {
                    return write; // the newest write of a leaf that is still there
                }
            }
        }
        throw new AtoKeyException("'" + key + "' is not in the resolved config of scope '" + scopeName
                + "': " + last.describe() + " (see history(\"" + key + "\"))");
    }

    /**
     * Every write of {@code key} (or of the keys inside it, when it is a dict), oldest first, removals included.
     *
     * @throws AtoKeyException when no layer ever wrote {@code key}
     */
    public List<Origin> history(String key) {
        Provenance provenance = provenance();
        List<Origin> exact = provenance.byKey().get(key);
        if (exact != null && !provenance.parents().contains(key)) {
            return exact; // a leaf that was never a dict: no need to look below it
        }
        String prefix = key + ".";
        List<Origin> nested = new ArrayList<>();
        for (List<Origin> layer : provenance.byLayer()) {
            for (Origin origin : layer) {
                if (origin.key().equals(key) || origin.key().startsWith(prefix)) {
                    nested.add(origin);
                }
            }
        }
        if (exact != null && exact.size() == nested.size()) {
            return exact;
        }
        if (nested.isEmpty()) {
            throw new AtoKeyException("no layer of scope '" + scopeName + "' wrote '" + key + "' (keys: "
                    + Suggestions.list(config.keySet()) + ")" + Suggestions.didYouMean(key, keysAndParents()));
        }
        return Collections.unmodifiableList(nested);
    }

    private Set<String> keysAndParents() {
        Set<String> keys = new LinkedHashSet<>(provenance().parents());
        keys.addAll(provenance().byKey().keySet());
        return keys;
    }

    /** The code fingerprints the scope collected, then those added with {@link #traceRuntime}. */
    public List<Fingerprint> fingerprints() {
        return List.copyOf(fingerprints);
    }

    /** Fingerprints {@code result} (canonical JSON, SHA-256), records it with this resolution and returns it. */
    public Fingerprint traceRuntime(String traceId, Object result) {
        Fingerprint fingerprint = new Fingerprint(traceId, Fingerprint.RUNTIME, Fingerprints.ofValue(result));
        fingerprints.add(fingerprint);
        return fingerprint;
    }

    /** Origins by key (oldest first) and by layer (removals, then writes); parents: every dict path above a key. */
    private record Provenance(Map<String, List<Origin>> byKey, List<List<Origin>> byLayer, Set<String> parents) {
    }

    private Provenance provenance() {
        Provenance result = provenance;
        if (result == null) {
            Map<String, List<Origin>> byKey = new HashMap<>();
            List<List<Origin>> byLayer = new ArrayList<>(rawLayers.size());
            for (RawLayer raw : rawLayers) {
                List<Origin> origins = new ArrayList<>(raw.removedKeys.size() + raw.writeCount());
                for (String key : raw.removedKeys) {
                    origins.add(raw.origin(key, null, true));
                }
                for (int i = 0; i < raw.writeCount(); i++) {
                    if (raw.kind == LayerKind.EXTERNAL) {
                        for (Origin write : raw.origins(raw.writtenKey(i), plain(raw.writtenValue(i)), false)) {
                            origins.add(write.value() == null ? write
                                    : new Origin(write.key(), plain(write.value()), false, write.kind(), write.name(),
                                    write.index()));
                        }
                    } else {
                        origins.add(raw.origin(raw.writtenKey(i), plain(raw.writtenValue(i)), false));
                    }
                }
                for (Origin origin : origins) {
                    byKey.computeIfAbsent(origin.key(), k -> new ArrayList<>(2)).add(origin);
                }
                byLayer.add(origins);
            }
            byKey.replaceAll((k, v) -> Collections.unmodifiableList(v));
            Set<String> parents = new HashSet<>();
            for (String key : byKey.keySet()) {
                for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                    parents.add(key.substring(0, dot));
                }
            }
            result = new Provenance(byKey, byLayer, parents);
            provenance = result;
        }
        return result;
    }

    /** Snapshots use frozen ADicts inside lists; users get plain maps. */
    private static Object plain(Object value) {
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                result.add(plain(item));
            }
            return Collections.unmodifiableList(result);
        }
        if (value instanceof ADict dict) {
            return Collections.unmodifiableMap(dict.toMap());
        }
        return value;
    }
}
