package dev.ato.format;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.adict.ADict;
import dev.ato.fuzz.LoaderProperty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzes the {@code .py} literal dialect ({@link PyLiteralConfig}) without touching the disk: {@code _base_} names
 * resolve to a small fixed config. Property: {@link LoaderProperty}.
 */
class PyLiteralFuzzTest {

    private static final ADict BASES = ADict.auto().set("model.depth", 50).set("lr", 0.1);

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        LoaderProperty.holds(".py literal", () -> {
            PyLiteralConfig py = PyLiteralConfig.parse(text, Path.of("fuzz.py"), base -> BASES.copy());
            return py.own();
        });
    }
}
