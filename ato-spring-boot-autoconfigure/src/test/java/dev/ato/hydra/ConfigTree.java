package dev.ato.hydra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a small Hydra config tree for a test. */
final class ConfigTree {

    private ConfigTree() {
    }

    /** Writes {@code content} to {@code path} (relative to {@code dir}), creating its folders. */
    static void write(Path dir, String path, String content) throws IOException {
        Path target = dir.resolve(path);
        Files.createDirectories(target.getParent());
        Files.writeString(target, content);
    }
}
