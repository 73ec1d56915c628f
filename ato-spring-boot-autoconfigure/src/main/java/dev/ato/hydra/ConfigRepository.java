package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The config dir: which groups and options exist, and the parsed files (each read once). */
final class ConfigRepository {

    private final Path root;
    private final Map<String, ConfigFile> cache = new HashMap<>();

    ConfigRepository(Path root) {
        if (!Files.isDirectory(root)) {
            throw new HydraException(HydraException.Kind.MISSING_CONFIG,
                    "Config dir '" + root + "' does not exist or is not a directory", String.valueOf(root), null);
        }
        this.root = root;
    }

    Path root() {
        return root;
    }

    boolean groupExists(String group) {
        return !group.isEmpty() && inside(group) && Files.isDirectory(root.resolve(group));
    }

    boolean configExists(String path) {
        return !path.isEmpty() && inside(path) && Files.isRegularFile(root.resolve(fileName(path)));
    }

    /** The file of a config path: Hydra adds {@code .yaml} unless the name already ends with it. */
    static String fileName(String path) {
        return path.endsWith(".yaml") ? path : path + ".yaml";
    }

    /** The parsed config at {@code path}, or {@code null} when there is no such file. */
    @Nullable ConfigFile loadIfExists(String path) {
        return configExists(path) ? load(path) : null;
    }

    /** The options of {@code group} (its {@code .yaml} files, without extension), sorted. */
    List<String> options(String group) {
        if (!inside(group)) {
            return List.of();
        }
        Path dir = group.isEmpty() ? root : root.resolve(group);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new HydraException(HydraException.Kind.MISSING_CONFIG,
                    "Cannot list config group '" + group + "': " + e.getMessage(), group, null, e);
        }
    }

    /** The parsed config at {@code path} (relative, without {@code .yaml}); it must exist. */
    ConfigFile load(String path) {
        ConfigFile cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        String fileName = fileName(path);
        String text;
        try {
            text = Files.readString(root.resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new HydraException(HydraException.Kind.MISSING_CONFIG,
                    "Cannot read config file: " + e.getMessage(), fileName, null, e);
        }
        Map<String, Object> content = YamlConfigReader.read(text, fileName);
        List<DefaultsEntry> defaults = content.containsKey("defaults")
                ? DefaultsEntry.parseList(content.remove("defaults"), fileName) : null;
        ConfigFile file = new ConfigFile(path, content, defaults, YamlConfigReader.packageHeader(text));
        cache.put(path, file);
        return file;
    }

    /**
     * Whether a relative path stays inside the config dir (no escaping with {@code ..}); a name the file system
     * cannot hold (a NUL character, found by HydraFuzzTest) is no config there, so it reads as a missing config.
     */
    private boolean inside(String relative) {
        try {
            return root.resolve(relative).normalize().startsWith(root.normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
