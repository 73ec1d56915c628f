package dev.ato.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.adict.ADict;
import dev.ato.fuzz.LoaderProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes {@code _base_} chains: the input is split at the first two {@code '\u0000'} bytes into three files of one
 * folder ({@code a.yaml}, {@code b.py}, {@code c.json}) that may name each other, themselves, or paths outside;
 * {@code a.yaml} is loaded. Property: {@link LoaderProperty}.
 */
class MmConfigFuzzTest {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("ato-mm-fuzz").resolve("configs");
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void load(byte[] data) throws IOException {
        String[] parts = new String(data, StandardCharsets.UTF_8).split("\u0000", 3);
        String[] names = {"a.yaml", "b.py", "c.json"};
        for (int i = 0; i < names.length; i++) {
            Files.writeString(DIR.resolve(names[i]), i < parts.length ? parts[i] : "");
        }
        LoaderProperty.holds("loadMmConfig", () -> ADict.loadMmConfig(DIR.resolve("a.yaml")));
    }
}
