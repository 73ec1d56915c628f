package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    static ADict load(Path file) {
        return new MmConfigLoader().loadFile(file);
    }

    private ADict loadFile(Path file) {
        Path key = file.toAbsolutePath().normalize();
        if (loading.contains(key)) {
            List<Path> chain = new ArrayList<>(loading);
            chain.add(key);
            int start = chain.indexOf(key);
            throw new AtoConfigException("_base_ cycle: " + chain.subList(start, chain.size()).stream()
                    .map(Path::toString).collect(Collectors.joining(" -> ")) + "; a config cannot inherit from itself");
        }
        loading.addLast(key);
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".py")) {
                PyLiteralConfig py = PyLiteralConfig.read(file, base -> mergedBases(base, file));
                return apply(py.bases(), py.own(), file);
            }
            ADict own = FileFormat.readFile(file);
            Object base = own.asReadOnlyMap().get(BASE);
            own.remove(BASE);
            return apply(base == null ? new ADict() : mergedBases(base, file), own, file);
        } finally {
            loading.removeLast();
        }
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
            mergeInto(merged, loadFile(dir.resolve(s).normalize()), file);
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
