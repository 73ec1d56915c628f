package dev.ato.hydra;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.AtoConfigException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the Hydra package with arbitrary text. The property of every harness: it returns a value or throws an
 * {@link AtoConfigException} with a message (a {@link HydraException}, possibly for a limit), within the time of
 * the test; never a StackOverflowError, NullPointerException, ClassCastException or index error. A plain test run
 * replays the committed seeds (regression mode, part of {@code ./mvnw verify}); fuzz for minutes with
 * {@code JAZZER_FUZZ=1} as docs/cli.md describes.
 */
class HydraFuzzTest {

    private static final Path TREE = tree();

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

    /** Command lines (one override per line) composed against a small tree with groups, packages and defaults. */
    @FuzzTest(maxDuration = "30s")
    void overridesComposeOrFailWithHydraException(byte[] data) {
        List<String> overrides = Arrays.asList(new String(data, StandardCharsets.UTF_8).split("\n", 16));
        expectOnlyHydraErrors(() -> Hydra.composition(TREE, "config", overrides)
                .resolve(ZonedDateTime.now(), Map.of("HOME", "/home/x")));
    }

    /** Interpolations in a composed config: the fuzzed text is the value of {@code x}, next to real keys. */
    @FuzzTest(maxDuration = "30s")
    void interpolationResolvesOrFailsWithHydraException(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        expectOnlyHydraErrors(() -> {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("db", new LinkedHashMap<>(Map.of("port", 3306, "hosts", List.of("a", "b"))));
            config.put("name", "${db.port}-run");
            config.put("x", text);
            config.put("y", List.of(text, "${x}"));
            new Interpolator(config, Map.of(), ZonedDateTime.now(), Map.of("HOME", "/home/x")::get).resolveAll();
        });
    }

    private static void expectOnlyHydraErrors(Runnable action) {
        try {
            action.run();
        } catch (AtoConfigException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("an AtoConfigException without a message", e);
            }
        }
    }

    private static Path tree() {
        try {
            Path dir = Files.createTempDirectory("hydra-fuzz");
            write(dir, "config.yaml", "defaults:\n  - db: mysql\n  - optional extra: none\n  - _self_\n"
                    + "name: run\nlr: 0.1\nlist: [1, 2]\nnested:\n  a: ${lr}\n");
            write(dir, "db/mysql.yaml", "port: 3306\nuser: ${name}\n");
            write(dir, "db/postgres.yaml", "# @package _global_.database\nport: 5432\n");
            write(dir, "extra/none.yaml", "{}\n");
            write(dir, "extra/big.yaml", "defaults:\n  - /db@backup: postgres\n  - _self_\nbig: true\n");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
