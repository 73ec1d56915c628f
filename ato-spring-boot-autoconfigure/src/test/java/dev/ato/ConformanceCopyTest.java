package dev.ato;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conformance vectors in test resources are an unchanged copy of the shared folder beside the checkout.
 * Skipped (with a message) where that folder is absent, as on a user's clone.
 */
class ConformanceCopyTest {

    private static final Path COPY = Path.of("src/test/resources/conformance");

    @Test
    void copyMatchesTheSharedVectors() throws IOException {
        Path shared = locateShared();
        Assumptions.assumeTrue(shared != null,
                "../shared/conformance is not beside this checkout; nothing to compare the copy with");
        List<Path> originals;
        try (Stream<Path> files = Files.walk(shared)) {
            originals = files.filter(Files::isRegularFile).toList();
        }
        assertThat(originals).isNotEmpty();
        for (Path original : originals) {
            Path copy = COPY.resolve(shared.relativize(original).toString());
            assertThat(copy).as("copy of %s", original).exists();
            assertThat(Files.mismatch(original, copy)).as("%s differs from the shared vectors", copy).isEqualTo(-1L);
        }
    }

    /** {@code ../shared/conformance} next to the checkout's root (the folder holding {@code .ci}). */
    private static Path locateShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".ci"))) {
                Path candidate = dir.resolveSibling("shared").resolve("conformance");
                return Files.isDirectory(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
