package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * OpenMMLab-style inheritance: {@code _base_} files (relative to the file naming them) are loaded recursively and
 * merged in order, then the file itself; a mapping with {@code _delete_: true} replaces what it merges into.
 */
final class MmConfigLoader {

    static final String BASE = "_base_";
    static final String DELETE = "_delete_";

    /** Files being loaded, outermost first, to name a cycle. */
    private final Deque<Path> loading = new ArrayDeque<>();
    /** Each file's merged result, loaded once however often a diamond of bases names it. */
    private final Map<Path, ADict> loaded = new HashMap<>();
    /** The folder every {@code _base_} must stay inside, as written and with links resolved. */
    private final Path root;
    private final Path realRoot;
    private final Limits limits = Limits.current();
    private long expanded;

    private MmConfigLoader(Path root) {
        this.root = root;
        this.realRoot = real(root);
    }

    static ADict load(Path file) {
        Path top = file.toAbsolutePath().normalize();
        return new MmConfigLoader(top.getParent()).loadFile(top);
    }

    static ADict load(Path file, Path root) {
        return new MmConfigLoader(root.toAbsolutePath().normalize()).loadFile(file.toAbsolutePath().normalize());
    }

    /** The path with symbolic links resolved where it exists, so a link cannot lead out of the root unseen. */
    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (java.io.IOException e) {
            return path;
        }
    }

    private ADict loadFile(Path key) {
        ADict memo = loaded.get(key);
        if (memo != null) {
            return counted(memo.copy(), key);
        }
        if (loading.contains(key)) {
            List<Path> chain = new ArrayList<>(loading);
            chain.add(key);
            int start = chain.indexOf(key);
            throw new AtoConfigException("_base_ cycle: " + chain.subList(start, chain.size()).stream()
                    .map(Path::toString).collect(Collectors.joining(" -> ")) + "; a config cannot inherit from itself");
        }
        loading.addLast(key);
        Path file = key;
        try {
            ADict result;
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".py")) {
                PyLiteralConfig py = PyLiteralConfig.read(file, base -> mergedBases(base, file));
                result = apply(py.bases(), py.own(), file);
            } else {
                ADict own = FileFormat.readFile(file);
                Object base = own.asReadOnlyMap().get(BASE);
                own.remove(BASE);
                result = apply(base == null ? new ADict() : mergedBases(base, file), own, file);
            }
            loaded.put(key, result.copy());
            return counted(result, key);
        } finally {
            loading.removeLast();
        }
    }

    /** Counts the values of every load (a memoised one too) toward {@link Limits#maxExpansion()}. */
    private ADict counted(ADict result, Path file) {
        expanded += result.leaves().size() + 1;
        if (expanded > limits.maxExpansion()) {
            throw limits.expansionExceeded(loading.isEmpty() ? file.toString() : loading.getFirst().toString(), "", "",
                    "the _base_ chain (" + loaded.size() + " files, " + file.getFileName() + " last)");
        }
        return result;
    }

    /** The bases named by a {@code _base_} value, merged in order. */
    private ADict mergedBases(Object base, Path file) {
        List<?> names = base instanceof List<?> l ? l : List.of(base);
        ADict merged = new ADict();
        for (Object name : names) {
            if (!(name instanceof String s)) {
                throw new AtoConfigException(file + ": _base_ must be a path or a list of paths, found " + name);
            }
            Path dir = file.toAbsolutePath().getParent();
            Path target = dir.resolve(s).normalize();
            if (!target.startsWith(root) || java.nio.file.Files.exists(target) && !real(target).startsWith(realRoot)) {
                throw new AtoConfigException(file + ": _base_ '" + s + "' is outside " + root + " (it resolves to "
                        + real(target) + "); a base must stay in the config's folder, or pass the root that"
                        + " allows it: ADict.loadMmConfig(file, root)");
            }
            mergeInto(merged, loadFile(target), file);
        }
        return merged;
    }

    private static ADict apply(ADict bases, ADict own, Path file) {
        Object topDelete = own.asReadOnlyMap().get(DELETE);
        if (own.asReadOnlyMap().containsKey(DELETE)) {
            own.remove(DELETE);
            if (deleteFlag(topDelete, file, DELETE)) {
                return stripDeletes(own, file);
            }
        }
        mergeInto(bases, own, file);
        return bases;
    }

    /** Merges {@code incoming} into {@code target}: mappings recurse unless they say {@code _delete_: true}. */
    static void mergeInto(ADict target, ADict incoming, Path file) {
        for (Map.Entry<String, Object> e : incoming) {
            String key = e.getKey();
            Object value = e.getValue();
            if (value instanceof ADict in) {
                ADict copy = in.copy();
                boolean replace = copy.asReadOnlyMap().containsKey(DELETE)
                        && deleteFlag(copy.remove(DELETE), file, key + "." + DELETE);
                if (!replace && target.asReadOnlyMap().get(key) instanceof ADict existing) {
                    mergeInto(existing, copy, file);
                } else {
                    target.put(key, stripDeletes(copy, file));
                }
            } else {
                target.put(key, value);
            }
        }
    }

    private static ADict stripDeletes(ADict dict, Path file) {
        ADict result = new ADict();
        mergeInto(result, dict, file);
        return result;
    }

    private static boolean deleteFlag(Object value, Path file, String key) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new AtoConfigException(file + ": '" + key + "' must be true (replace) or false (merge), found " + value);
    }
}
