package dev.ato.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies of the database Python ato wrote (conformance/ato/python-ato-sample.db), so tests never touch the original. */
final class PythonSampleDatabase {

    private PythonSampleDatabase() {
    }

    static Path copyInto(Path dir) throws IOException {
        Path copy = dir.resolve("python-ato-sample.db");
        try (InputStream in = PythonSampleDatabase.class.getResourceAsStream("/conformance/ato/python-ato-sample.db")) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }
}
