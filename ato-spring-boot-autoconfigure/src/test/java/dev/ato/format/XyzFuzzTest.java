package dev.ato.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.fuzz.LoaderProperty;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the XYZ reader ({@link Xyz#loads} and a file's content): {@link LoaderProperty}. A plain test run replays
 * the committed seeds (regression mode); {@code docs/benchmarks.md} says how to fuzz.
 */
class XyzFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void loads(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        LoaderProperty.holds("Xyz.loads", () -> Xyz.loads(text));
        LoaderProperty.holds("FileFormat.XYZ.read", () -> FileFormat.XYZ.read(text, "fuzz.xyz"));
    }
}
