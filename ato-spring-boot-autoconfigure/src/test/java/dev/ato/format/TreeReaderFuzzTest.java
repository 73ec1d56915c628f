package dev.ato.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.fuzz.LoaderProperty;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Fuzzes the JSON, YAML and TOML reader ({@link TreeReader} through {@link FileFormat#read}): the first byte picks
 * the format, the rest is the text. Property: {@link LoaderProperty}.
 */
class TreeReaderFuzzTest {

    private static final FileFormat[] FORMATS = {FileFormat.YAML, FileFormat.JSON, FileFormat.TOML};

    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) {
        if (data.length == 0) {
            return;
        }
        FileFormat format = FORMATS[Math.floorMod(data[0], FORMATS.length)];
        String text = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
        LoaderProperty.holds(format + " read", () -> format.read(text, "fuzz"));
    }
}
