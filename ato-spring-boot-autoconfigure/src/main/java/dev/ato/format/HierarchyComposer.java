package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.adict.OnMissing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Python ato's {@code compose_hierarchy}: a base config, one file per selected group option (shallow top-level
 * update, in selection order), dotted overrides, then required keys. Unlike Python ato, only the first file found
 * for a name is loaded, and a missing base config is the error ({@code onMissing = ERROR}), not a present one.
 */
final class HierarchyComposer {

    static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".toml", ".xyz");

    private HierarchyComposer() {
    }

    static ADict compose(Path root, String configFilename, Map<String, ?> select, Map<String, ?> overrides,
            Collection<String> required, OnMissing onMissing, Consumer<String> warn) {
        ADict result = new ADict();
        String name = configFilename == null ? "config" : configFilename;
        Path base = find(root, name, warn);
        if (base != null) {
            result.update(FileFormat.readFile(base));
        } else {
            missing(name + ".[yaml|yml|json|toml|xyz] not found in " + root, name, onMissing, warn);
        }
        if (select != null) {
            select.forEach((group, options) -> {
                for (Object option : options instanceof Collection<?> c ? c : java.util.Collections.singletonList(options)) {
                    String relative = group + "/" + PythonText.str(option);
                    Path file = find(root, relative, warn);
                    if (file != null) {
                        result.update(FileFormat.readFile(file));
                    } else {
                        missing(relative + " not found in " + root + " (tried " + String.join(" ", EXTENSIONS) + ")",
                                relative, onMissing, warn);
                    }
                }
            });
        }
        if (overrides != null) {
            overrides.forEach((path, value) -> override(result, path, value));
        }
        if (required != null) {
            for (String key : required) {
                if (!result.contains(key)) {
                    throw new AtoConfigException("required key '" + key + "' is missing from the composed config"
                            + " (top-level keys: " + String.join(", ", result.keySet()) + ")");
                }
            }
        }
        return result;
    }


    /** Sets a dotted override; a missing or non-dict intermediate becomes a new dict, as in Python ato. */
    private static void override(ADict config, String path, Object value) {
        String[] segments = path.split("\\.");
        ADict node = config;
        for (int i = 0; i < segments.length - 1; i++) {
            Object existing = node.asReadOnlyMap().get(segments[i]);
            ADict next = existing instanceof ADict d ? d : new ADict();
            if (next != existing) {
                node.put(segments[i], next);
            }
            node = next;
        }
        node.put(segments[segments.length - 1], value);
    }

    /** The first existing file among the extensions; a warning names any others that were ignored. */
    private static Path find(Path root, String name, Consumer<String> warn) {
        List<Path> found = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path candidate = root.resolve(name + ext);
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        if (found.size() > 1) {
            warn.accept("ignored: " + found.subList(1, found.size()).stream().map(p -> root.relativize(p).toString())
                    .toList() + " (" + root.relativize(found.get(0)) + " is used; only the first of "
                    + String.join(" ", EXTENSIONS) + " is loaded)");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static void missing(String message, String name, OnMissing onMissing, Consumer<String> warn) {
        switch (onMissing == null ? OnMissing.ERROR : onMissing) {
            case ERROR -> throw new AtoConfigException(message);
            case WARN -> warn.accept("missing: " + name);
            case IGNORE -> {
            }
        }
    }
}
