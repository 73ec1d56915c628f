package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One loaded config file: its path (relative to the config dir, without {@code .yaml}), its content without the
 * {@code defaults} key, its parsed defaults list ({@code null} when it has none) and its {@code # @package} header.
 */
record ConfigFile(String path, Map<String, Object> content, @Nullable List<DefaultsEntry> defaults, @Nullable String packageHeader) {

    String fileName() {
        return ConfigRepository.fileName(path);
    }

    /** The content of "no primary config": nothing, no defaults list. */
    static ConfigFile empty() {
        return new ConfigFile("", new java.util.LinkedHashMap<>(), null, null);
    }
}
