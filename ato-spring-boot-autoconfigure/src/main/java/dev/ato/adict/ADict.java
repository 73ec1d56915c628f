package dev.ato.adict;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoFrozenException;
import dev.ato.AtoKeyException;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A nested configuration map with dotted paths: the data structure every part of Ato carries.
 *
 * <p>Keys keep insertion order. Values are plain Java ({@code String}, {@code Boolean}, {@code Integer}/{@code Long},
 * {@code Double}, {@code List}, nested {@code ADict}, or {@code null}); anything put in is deep-converted to that form
 * (a {@code Map} becomes an {@code ADict}, an array or collection a list, a {@code Float} a {@code Double}, a
 * {@code Long} that fits an {@code int} an {@code Integer}). An ADict is not thread-safe while it is being written;
 * a frozen one may be shared freely.
 */
public final class ADict implements Iterable<Map.Entry<String, Object>> {

    private final LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
    private final boolean auto;
    private volatile boolean frozen;
    /**
     * Top-level keys read through {@link #get}; concurrent because frozen configs are shared between threads.
     * Created on the first read, because most nodes of a large config are written and never read.
     */
    private volatile Set<String> accessed;
    /** Counts changes of this node's own entries; see {@link #modificationCount()}. */
    private long modifications;

    /** An empty ADict: setting {@code a.b} fails unless {@code a} exists. */
    public ADict() {
        this(false);
    }

    private ADict(boolean auto) {
        this.auto = auto;
    }

    /** An empty ADict that creates missing intermediate nodes on {@link #set} and on {@link #child}. */
    public static ADict auto() {
        return new ADict(true);
    }

    /** A deep-converted ADict holding the entries of {@code map}; its keys are taken literally, dots included. */
    public static ADict of(Map<String, ?> map) {
        ADict result = new ADict();
        map.forEach((k, v) -> result.entries.put(k, Values.normalize(v, false)));
        return result;
    }

    /** Whether this ADict creates missing intermediate nodes. */
    public boolean isAuto() {
        return auto;
    }

    // ---------------------------------------------------------------- reading

    /** The value at {@code path}; throws {@link AtoKeyException} naming the first missing segment. */
    public @Nullable Object get(String path) {
        if (Paths.isSimple(path)) {
            return readLeaf(path, null, 0);
        }
        ADict node = this;
        String[] segments = Paths.split(path);
        for (int i = 0; i < segments.length - 1; i++) {
            node = node.childForRead(segments, i);
        }
        return node.readLeaf(segments[segments.length - 1], segments, segments.length - 1);
    }

    /** The value at {@code path} converted to {@code type} (numbers widen; a string is never parsed). */
    public <T> T get(String path, Class<T> type) {
        return Values.convert(get(path), type, path);
    }

    /** The value at {@code path}, or {@code defaultValue} when the path does not exist. */
    public @Nullable Object getOrDefault(String path, @Nullable Object defaultValue) {
        return contains(path) ? get(path) : defaultValue;
    }

    public String getString(String path) {
        return get(path, String.class);
    }

    public int getInt(String path) {
        return get(path, Integer.class);
    }

    public long getLong(String path) {
        return get(path, Long.class);
    }

    public double getDouble(String path) {
        return get(path, Double.class);
    }

    public boolean getBoolean(String path) {
        return get(path, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(String path) {
        return get(path, List.class);
    }

    /**
     * The nested ADict at {@code key} (a dotted path). On an {@link #auto()} ADict a missing child is created empty.
     */
    public ADict child(String key) {
        if (auto && !frozen && !contains(key)) {
            set(key, ADict.auto());
        }
        return get(key, ADict.class);
    }

    /** Whether {@code path} exists (a read that is not recorded in {@link #accessedKeys()}). */
    public boolean contains(String path) {
        if (Paths.isSimple(path)) {
            return entries.containsKey(path);
        }
        ADict node = this;
        String[] segments = Paths.split(path);
        for (int i = 0; i < segments.length - 1; i++) {
            if (!(node.entries.get(segments[i]) instanceof ADict next)) {
                return false;
            }
            node = next;
        }
        return node.entries.containsKey(segments[segments.length - 1]);
    }

    /** The top-level keys in insertion order (a read-only view). */
    public Set<String> keySet() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The top-level entries as a read-only map view in insertion order (nested values are the live ADicts). */
    public Map<String, Object> asReadOnlyMap() {
        return Collections.unmodifiableMap(entries);
    }

    /** Iterates the top-level entries in insertion order; the entries are read-only. */
    @Override
    public Iterator<Map.Entry<String, Object>> iterator() {
        return Collections.unmodifiableMap(entries).entrySet().iterator();
    }

    public void forEach(BiConsumer<String, Object> action) {
        entries.forEach(action);
    }

    // ---------------------------------------------------------------- writing

    /** Sets {@code path} to {@code value} (deep-converted) and returns this ADict. */
    public ADict set(String path, @Nullable Object value) {
        if (Paths.isSimple(path)) {
            putChecked(path, value, path);
            return this;
        }
        String[] segments = Paths.split(path);
        ADict node = this;
        for (int i = 0; i < segments.length - 1; i++) {
            node = node.childForWrite(segments, i);
        }
        node.putChecked(segments[segments.length - 1], value, path);
        return this;
    }

    /** Sets the top-level key {@code key} literally, even when it contains dots, and returns this ADict. */
    public ADict put(String key, @Nullable Object value) {
        putChecked(Objects.requireNonNull(key, "key"), value, key);
        return this;
    }

    /** Removes {@code path} and returns the value it had, or {@code null} when it did not exist. */
    public @Nullable Object remove(String path) {
        String[] segments = Paths.split(path);
        ADict node = this;
        for (int i = 0; i < segments.length - 1; i++) {
            if (!(node.entries.get(segments[i]) instanceof ADict next)) {
                return null;
            }
            node = next;
        }
        node.checkWritable(path);
        node.modifications++;
        return node.entries.remove(segments[segments.length - 1]);
    }

    /** Replaces top-level keys with those of {@code values} (Python ato's {@code update}, {@code Map.putAll}). */
    public ADict update(Map<String, ?> values) {
        checkWritable("<update>");
        modifications++;
        values.forEach((k, v) -> entries.put(k, Values.normalize(v, auto)));
        return this;
    }

    /** {@link #update(Map)} with another ADict. */
    public ADict update(ADict values) {
        return update(values.entries);
    }

    /** Merges nested maps recursively; other values replace (Python ato's {@code update(recurrent=True)}). */
    public ADict merge(Map<String, ?> values) {
        checkWritable("<merge>");
        modifications++;
        values.forEach((k, v) -> {
            Object incoming = Values.normalize(v, auto);
            if (incoming instanceof ADict in && entries.get(k) instanceof ADict existing) {
                existing.merge(in.entries);
            } else {
                entries.put(k, incoming);
            }
        });
        return this;
    }

    /** {@link #merge(Map)} with another ADict. */
    public ADict merge(ADict values) {
        return merge(values.entries);
    }

    /** Adds only the keys that are missing, recursively into nested maps that exist on both sides. */
    public ADict updateIfAbsent(Map<String, ?> values) {
        checkWritable("<updateIfAbsent>");
        modifications++;
        values.forEach((k, v) -> {
            Object existing = entries.get(k);
            if (!entries.containsKey(k)) {
                entries.put(k, Values.normalize(v, auto));
            } else if (existing instanceof ADict child && (v instanceof Map || v instanceof ADict)) {
                child.updateIfAbsent(v instanceof ADict a ? a.entries : Values.stringKeyed((Map<?, ?>) v));
            }
        });
        return this;
    }

    /** {@link #updateIfAbsent(Map)} with another ADict. */
    public ADict updateIfAbsent(ADict values) {
        return updateIfAbsent(values.entries);
    }

    // ---------------------------------------------------------------- freezing and copies

    /** Makes this tree read-only, nested ADicts and lists included, and returns it. */
    public ADict freeze() {
        Values.enter("freeze()");
        try {
            if (!frozen) {
                modifications++;
                entries.replaceAll((k, v) -> Values.freeze(v));
                frozen = true;
            }
            return this;
        } finally {
            Values.leave();
        }
    }

    /** Makes this tree writable again, nested ADicts and lists included, and returns it. */
    public ADict defrost() {
        Values.enter("defrost()");
        try {
            frozen = false;
            modifications++;
            entries.replaceAll((k, v) -> Values.defrost(v));
            return this;
        } finally {
            Values.leave();
        }
    }

    public boolean isFrozen() {
        return frozen;
    }

    /**
     * A counter that changes whenever an entry of this node is put, replaced or removed (not when a nested ADict
     * or a list inside it changes). Equal counts of the same node mean its own entries are the same objects, so
     * a reader that compares configs (scope provenance) can skip a node without looking inside.
     */
    public long modificationCount() {
        return modifications;
    }

    /** A deep, writable copy with the same {@link #isAuto()} flag. */
    public ADict copy() {
        Values.enter("copy()");
        try {
            ADict result = new ADict(auto);
            entries.forEach((k, v) -> result.entries.put(k, Values.deepCopy(v)));
            return result;
        } finally {
            Values.leave();
        }
    }

    /**
     * The leaves as dotted paths mapped to their values, depth first in key order (a read-only map that records no
     * access). Lists are leaves; an empty nested dict has none.
     */
    public Map<String, Object> leaves() {
        Map<String, Object> result = new LinkedHashMap<>();
        collectLeaves("", result);
        return Collections.unmodifiableMap(result);
    }

    private void collectLeaves(String prefix, Map<String, Object> into) {
        Values.enter("leaves()");
        try {
            entries.forEach((key, value) -> {
                if (value instanceof ADict child) {
                    child.collectLeaves(prefix + key + ".", into);
                } else {
                    into.put(prefix + key, value);
                }
            });
        } finally {
            Values.leave();
        }
    }

    /** The tree as plain nested {@code LinkedHashMap}s and {@code ArrayList}s. */
    public Map<String, Object> toMap() {
        Values.enter("toMap()");
        try {
            Map<String, Object> result = new LinkedHashMap<>();
            entries.forEach((k, v) -> result.put(k, Values.toPlain(v)));
            return result;
        } finally {
            Values.leave();
        }
    }

    // ---------------------------------------------------------------- accessed keys

    /** Dotted paths of the leaves (or whole subtrees) read through {@link #get}, in key order. */
    public Set<String> accessedKeys() {
        Set<String> result = new LinkedHashSet<>();
        collectAccessed("", result);
        return result;
    }

    private void collectAccessed(String prefix, Set<String> into) {
        Values.enter("accessedKeys()");
        try {
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                if (!wasRead(e.getKey())) {
                    continue;
                }
                String path = prefix + e.getKey();
                if (e.getValue() instanceof ADict child && child.wasRead()) {
                    child.collectAccessed(path + ".", into);
                } else {
                    into.add(path);
                }
            }
        } finally {
            Values.leave();
        }
    }

    /** A copy holding only what was read: the config a run really used. */
    public ADict minimalConfig() {
        Values.enter("minimalConfig()");
        try {
            ADict result = new ADict(auto);
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                if (!wasRead(e.getKey())) {
                    continue;
                }
                if (e.getValue() instanceof ADict child && child.wasRead()) {
                    result.entries.put(e.getKey(), child.minimalConfig());
                } else {
                    result.entries.put(e.getKey(), Values.deepCopy(e.getValue()));
                }
            }
            return result;
        } finally {
            Values.leave();
        }
    }

    // ---------------------------------------------------------------- hashing

    /**
     * The Python type name the structural hash uses for a value ({@code int}, {@code float}, {@code str},
     * {@code bool}, {@code NoneType}, {@code list}, {@code dict}): the one mapping of Java values to Python types.
     */
    public static String pythonTypeName(Object value) {
        return StructuralHash.pythonTypeName(value);
    }

    /** Python ato's {@code get_structural_hash()}: SHA-1 of the sorted (dotted key, type name) pairs. */
    public String structuralHash() {
        return StructuralHash.of(this);
    }

    // ---------------------------------------------------------------- equality

    @Override
    public boolean equals(Object o) {
        Values.enter("equals()");
        try {
            return o instanceof ADict other && entries.equals(other.entries);
        } finally {
            Values.leave();
        }
    }

    @Override
    public int hashCode() {
        Values.enter("hashCode()");
        try {
            return entries.hashCode();
        } finally {
            Values.leave();
        }
    }

    /** The XYZ text of this config, exactly as Python ato prints it (a plain map rendering without dev.ato.format). */
    @Override
    public String toString() {
        try {
            return FileSupport.filesIfPresent().map(files -> files.toXyz(this)).orElseGet(entries::toString);
        } catch (dev.ato.AtoLimitException e) {
            // toString never throws: debuggers and loggers call it
            return "<ADict nested deeper than " + e.limit() + " levels (" + e.property() + ")>";
        }
    }

    // ---------------------------------------------------------------- files

    /**
     * Reads a config file, the format chosen by its extension ({@code .json .yaml .yml .toml .xyz}). A broken or
     * missing file throws {@link AtoConfigException} naming the file and, where known, the line.
     */
    public static ADict load(Path file) {
        return FileSupport.files().load(file);
    }

    /** Writes this config to {@code file}, the format chosen by its extension; the file is written whole or not at all. */
    public void dump(Path file) {
        FileSupport.files().dump(this, file);
    }

    /**
     * Reads an OpenMMLab-style config: {@code _base_} (a path or a list, relative to the file) is loaded first and
     * merged, a nested mapping with {@code _delete_: true} replaces instead of merging. {@code .json .yaml .yml}
     * and {@code .py} files (a literal subset, parsed and never executed).
     */
    public static ADict loadMmConfig(Path file) {
        return FileSupport.files().loadMmConfig(file);
    }

    /**
     * {@link #loadMmConfig(Path)} whose {@code _base_} files may come from anywhere under {@code root} (by default
     * they must stay in the folder of {@code file}); a base outside it is an {@link AtoConfigException} naming it.
     */
    public static ADict loadMmConfig(Path file, Path root) {
        return FileSupport.files().loadMmConfig(file, root);
    }

    /**
     * Python ato's {@code compose_hierarchy}: the base config {@code root/configFilename.*}, then for each group in
     * {@code select} the file(s) {@code root/group/option.*} (shallow top-level update), then the dotted
     * {@code overrides}, then a check that every {@code required} dotted key exists. Extensions are tried in the
     * order {@code .yaml .yml .json .toml .xyz}; the first found is used.
     *
     * @param select    group name to an option or a list of options (any value; turned into a file name as text)
     * @param onMissing what to do when the base config or a selected option has no file
     */
    public static ADict composeHierarchy(Path root, String configFilename, Map<String, ?> select,
            Map<String, ?> overrides, Collection<String> required, OnMissing onMissing) {
        return FileSupport.files().composeHierarchy(root, configFilename, select, overrides, required, onMissing);
    }

    /**
     * Binds this config to a record or bean of {@code type} (keys not in the type are ignored). A value that does not
     * fit throws {@link AtoConfigException} naming the key and the expected type; text is never parsed into numbers.
     */
    public <T> T bind(Class<T> type) {
        return FileSupport.files().bind(this, type);
    }

    // ---------------------------------------------------------------- internals

    /** The raw entries, for the package's own walkers (hash, XYZ); never handed to users. */
    Map<String, Object> entries() {
        return entries;
    }

    private boolean wasRead() {
        Set<String> read = accessed;
        return read != null && !read.isEmpty();
    }

    private boolean wasRead(String key) {
        Set<String> read = accessed;
        return read != null && read.contains(key);
    }

    private void markRead(String key) {
        Set<String> read = accessed;
        if (read == null) {
            synchronized (this) {
                read = accessed;
                if (read == null) {
                    read = ConcurrentHashMap.newKeySet();
                    accessed = read;
                }
            }
        }
        read.add(key);
    }

    private ADict childForRead(String[] segments, int i) {
        Object value = readLeaf(segments[i], segments, i);
        if (value instanceof ADict next) {
            return next;
        }
        throw new AtoKeyException("'" + Paths.join(segments, i + 1) + "' is " + Values.describe(value)
                + ", not a dict, so '" + Paths.join(segments, segments.length) + "' cannot be read");
    }

    /** Reads {@code key}, segment {@code i} of {@code segments} ({@code null} for a single-segment path). */
    private Object readLeaf(String key, String[] segments, int i) {
        Object value = entries.get(key);
        if (value == null && !entries.containsKey(key)) {
            String path = segments == null ? key : Paths.join(segments, segments.length);
            throw new AtoKeyException("no key '" + key + "' in "
                    + (i == 0 ? "the config" : "'" + Paths.join(segments, i) + "'")
                    + " while reading '" + path + "'"
                    + " (keys there: " + (entries.isEmpty() ? "none" : String.join(", ", entries.keySet())) + ")");
        }
        markRead(key);
        return value;
    }

    private ADict childForWrite(String[] segments, int i) {
        String key = segments[i];
        Object value = entries.get(key);
        if (value instanceof ADict next) {
            return next;
        }
        String full = Paths.join(segments, segments.length);
        if (value == null && !entries.containsKey(key)) {
            if (!auto) {
                throw new AtoKeyException("cannot set '" + full + "': no key '" + Paths.join(segments, i + 1)
                        + "' (set it to a dict first, or use ADict.auto())");
            }
            checkWritable(full);
            ADict created = ADict.auto();
            modifications++;
            entries.put(key, created);
            return created;
        }
        throw new AtoConfigException("cannot set '" + full + "': '" + Paths.join(segments, i + 1) + "' is "
                + Values.describe(value) + ", not a dict");
    }

    private void putChecked(String key, Object value, String pathForErrors) {
        checkWritable(pathForErrors);
        modifications++;
        entries.put(key, Values.normalize(value, auto));
    }

    private void checkWritable(String path) {
        if (frozen) {
            throw new AtoFrozenException("cannot write '" + path + "': the config is frozen (defrost() or copy() it first)");
        }
    }
}
