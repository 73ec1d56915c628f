package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.adict.OnMissing;
import dev.ato.conformance.PythonTypes;
import dev.ato.conformance.Vectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every case of conformance/ato/compose-hierarchy.json: value, Python types, warnings, errors. */
class ComposeHierarchyConformanceTest {

    private static final String ERROR = "an AtoConfigException";

    /** Case id to (the difference named in DEVIATIONS.md, Ato's result as JSON or {@link #ERROR}). */
    private static final Map<String, List<String>> DEVIATIONS = Map.of(
            "compose-001", List.of("a present base config is loaded (Python ato's check is inverted and raises)",
                    "{\"seed\": 1, \"model\": {\"name\": \"r50\", \"depth\": 50}, \"data\": {\"bs\": 32}}"),
            "compose-003", List.of("a missing base config with onMissing=ERROR is the error (Python ato passes)", ERROR),
            "compose-007", List.of("only the first of .yaml .yml .json .toml .xyz is loaded, with a warning naming"
                    + " the others (Python ato loads all, each overwriting the last)",
                    "{\"a\": \"yaml\", \"b\": \"yaml\", \"n\": {\"x\": 1}}"),
            "compose-029", List.of("a key named 'default' is kept (Python ato drops it)",
                    "{\"opt\": {\"default\": \"adam\", \"lr\": 0.1}}"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;

    static Stream<Arguments> cases() {
        return Vectors.cases("ato/compose-hierarchy.json").stream().map(c -> {
            String id = c.get("id").asString();
            return Arguments.of(id + " " + c.get("category").asString()
                    + (DEVIATIONS.containsKey(id) ? " [deviation: " + DEVIATIONS.get(id).get(0) + "]" : ""), c);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void composeHierarchyAsPythonAto(String name, JsonNode c) throws Exception {
        for (JsonNode f : c.get("files")) {
            Path file = root.resolve(f.get("path").asString());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.get("content").asString());
        }
        JsonNode args = c.get("arguments");
        String configFilename = args.has("config_filename") ? args.get("config_filename").asString() : "config";
        Map<String, ?> select = (Map<String, ?>) Vectors.typed(args.get("select"), null);
        Map<String, ?> overrides = (Map<String, ?>) Vectors.typed(args.get("overrides"), null);
        List<String> required = (List<String>) Vectors.typed(args.get("required"), null);
        OnMissing onMissing = args.has("on_missing")
                ? OnMissing.valueOf(args.get("on_missing").asString().toUpperCase(Locale.ROOT)) : OnMissing.ERROR;
        List<String> warnings = new ArrayList<>();
        JsonNode result = c.get("result");
        List<String> deviation = DEVIATIONS.get(c.get("id").asString());
        String ato = deviation == null ? null : deviation.get(1);

        if (ERROR.equals(ato) || (deviation == null && result.has("error"))) {
            assertThatThrownBy(() -> HierarchyComposer.compose(root, configFilename, select, overrides, required,
                    onMissing, warnings::add))
                    .as(deviation != null ? deviation.get(0) : "Python ato: " + result.get("error").asString())
                    .isInstanceOf(AtoConfigException.class);
            return;
        }
        Map<String, Object> actual = HierarchyComposer.compose(root, configFilename, select, overrides, required,
                onMissing, warnings::add).toMap();
        if (deviation == null) {
            assertThat(actual).isEqualTo(Vectors.typed(result.get("value"), result.get("types")));
            assertThat(PythonTypes.of(actual)).isEqualTo(Vectors.typed(result.get("types"), null));
            assertThat(warnings).isEqualTo(result.has("warnings") ? Vectors.typed(result.get("warnings"), null) : List.of());
        } else {
            Object expected = Vectors.typed(JSON.readTree(ato), null);
            assertThat(actual).as(deviation.get(0)).isEqualTo(expected);
            assertThat(PythonTypes.of(actual)).as(deviation.get(0)).isEqualTo(PythonTypes.of(expected));
            if (c.get("id").asString().equals("compose-007")) {
                assertThat(warnings).as(deviation.get(0)).singleElement().asString().contains("config.json");
            } else {
                assertThat(warnings).isEmpty();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theUserFacingCallReadsTheSameFiles() throws Exception {
        Files.writeString(root.resolve("config.yaml"), "a: 1\n");
        Files.createDirectories(root.resolve("model"));
        Files.writeString(root.resolve("model/vit.json"), "{\"model\": \"vit\"}");
        ADict composed = ADict.composeHierarchy(root, "config", Map.of("model", "vit"), Map.of("x.y", 2),
                List.of("x.y"), OnMissing.ERROR);
        assertThat(composed).isEqualTo(new ADict().set("a", 1).set("model", "vit").set("x", Map.of("y", 2)));
    }
}
