package dev.ato.scope;

import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A copy of the config's shape and leaves as it was after the previous layer. Comparing the live config with it
 * tells what a layer changed without intercepting writes: views are plain {@code Consumer<ADict>}s. A node whose
 * {@link ADict#modificationCount()} has not moved since the last comparison and that holds no dicts or lists
 * (which change in place) is skipped whole, so a layer costs what it touched, not the size of the config. Other
 * nodes are walked in insertion order, comparing by identity first; the walk falls back to a map only in a node
 * whose key order changed.
 */
final class Shadow {

    private static final String[] NO_KEYS = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    private String[] keys = NO_KEYS;
    private Object[] values = NO_VALUES;
    private int size;
    /** The live node last compared, its modification count then, and whether it held dicts or lists. */
    private ADict source;
    private long sourceModifications;
    private boolean holdsContainers;

    /** Records into {@code out} what differs between {@code live} and this shadow, then matches it. */
    void diff(ADict live, String prefix, RawLayer out) {
        long modifications = live.modificationCount();
        if (live == source && modifications == sourceModifications && !holdsContainers) {
            return;
        }
        if (size == 0 && keys.length < live.size()) {
            keys = new String[live.size()];
            values = new Object[live.size()];
        }
        Walker walker = new Walker(prefix, out);
        live.forEach(walker);
        walker.finish();
        source = live;
        sourceModifications = modifications;
        holdsContainers = walker.sawContainer;
    }

    private void recordAllRemoved(String prefix, RawLayer out) {
        for (int j = 0; j < size; j++) {
            removeValue(values[j], join(prefix, keys[j]), out);
        }
    }

    private static void removeValue(Object old, String path, RawLayer out) {
        if (old instanceof Shadow node) {
            node.recordAllRemoved(path, out);
        } else {
            out.removed(path);
        }
    }

    static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** Compares one live entry with its shadow value and returns the shadow value to keep. */
    private static Object compare(Object old, boolean existed, Object live, String prefix, String key, RawLayer out) {
        if (live instanceof ADict dict) {
            if (old instanceof Shadow node) {
                node.diff(dict, join(prefix, key), out);
                return node;
            }
            String path = join(prefix, key);
            if (existed) {
                out.removed(path);
            }
            Shadow node = new Shadow();
            node.diff(dict, path, out);
            return node;
        }
        if (old instanceof Shadow node) {
            String path = join(prefix, key);
            node.recordAllRemoved(path, out);
            Object snapshot = snapshot(live);
            out.written(path, snapshot);
            return snapshot;
        }
        if (existed && (old == live || (old != null && old.equals(live)))) {
            return old;
        }
        Object snapshot = snapshot(live);
        out.written(prefix, key, snapshot);
        return snapshot;
    }

    /**
     * Whether {@code value} is a number, string or boolean. Asked before {@code instanceof List}: a class check
     * is one compare, while a failed interface check scans the class's interfaces, on every leaf of every layer.
     */
    static boolean isScalar(Object value) {
        return value instanceof Number || value instanceof String || value instanceof Boolean;
    }

    /** A value that later in-place edits cannot change: lists are copied deeply, dicts inside them too. */
    static Object snapshot(Object value) {
        if (isScalar(value)) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(snapshot(item));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof ADict dict) {
            return dict.copy().freeze();
        }
        return value;
    }

    /** Visits the live entries of one node in order. */
    private final class Walker implements BiConsumer<String, Object> {

        private final String prefix;
        private final RawLayer out;
        private int matched;
        private Map<String, Object> unmatched;
        private String[] newKeys;
        private Object[] newValues;
        private int newSize;
        boolean sawContainer;

        Walker(String prefix, RawLayer out) {
            this.prefix = prefix;
            this.out = out;
        }

        @Override
        public void accept(String key, Object live) {
            sawContainer |= !isScalar(live) && (live instanceof ADict || live instanceof List);
            if (unmatched == null) {
                if (matched < size && (keys[matched] == key || keys[matched].equals(key))) {
                    values[matched] = compare(values[matched], true, live, prefix, key, out);
                    matched++;
                    return;
                }
                if (matched == size) {
                    // every old entry matched, so this key is new: append without a lookup
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, size * 2 + 4);
                        values = Arrays.copyOf(values, size * 2 + 4);
                    }
                    keys[size] = key;
                    values[size++] = compare(null, false, live, prefix, key, out);
                    matched = size;
                    return;
                }
                startUnordered();
            }
            boolean existed = unmatched.containsKey(key);
            Object kept = compare(unmatched.remove(key), existed, live, prefix, key, out);
            if (newSize == newKeys.length) {
                newKeys = Arrays.copyOf(newKeys, newSize * 2 + 4);
                newValues = Arrays.copyOf(newValues, newSize * 2 + 4);
            }
            newKeys[newSize] = key;
            newValues[newSize++] = kept;
        }

        private void startUnordered() {
            unmatched = new LinkedHashMap<>();
            for (int j = matched; j < size; j++) {
                unmatched.put(keys[j], values[j]);
            }
            newKeys = Arrays.copyOf(keys, Math.max(size, 4));
            newValues = Arrays.copyOf(values, Math.max(size, 4));
            newSize = matched;
        }

        void finish() {
            if (unmatched == null) {
                for (int j = matched; j < size; j++) {
                    removeValue(values[j], join(prefix, keys[j]), out);
                    keys[j] = null;
                    values[j] = null;
                }
                size = matched;
                return;
            }
            unmatched.forEach((key, old) -> removeValue(old, join(prefix, key), out));
            keys = newKeys;
            values = newValues;
            size = newSize;
        }
    }
}
