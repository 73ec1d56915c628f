package dev.ato.hydra;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the three parsers of the Hydra package with arbitrary text: the override grammar, interpolation (as a
 * config value next to a few real keys) and YAML files. Whatever the input, the only exception may be a
 * {@link HydraException} with a message; never a NullPointerException, ClassCastException or index error. A plain
 * test run replays the committed seeds; fuzz with {@code JAZZER_FUZZ=1} as docs/cli.md describes.
 */
class HydraFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parsersFailOnlyWithHydraException(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        expectOnlyHydraErrors(() -> OverrideParser.parse(input));
        expectOnlyHydraErrors(() -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("a", new LinkedHashMap<>(Map.of("b", 1, "c", List.of("x", "${a.b}"))));
            config.put("s", "text");
            config.put("x", input);
            new Interpolator(config, Map.of(), ZonedDateTime.now(), name -> null).resolveAll();
        });
        expectOnlyHydraErrors(() -> YamlConfigReader.read(input, "fuzz.yaml"));
    }

    private static void expectOnlyHydraErrors(Runnable action) {
        try {
            action.run();
        } catch (HydraException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a HydraException without a message", e);
            }
        }
    }
}
