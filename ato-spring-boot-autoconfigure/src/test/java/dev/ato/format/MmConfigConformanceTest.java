package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every case of conformance/ato/mm-config.json, through {@link ADict#loadMmConfig}. */
class MmConfigConformanceTest {

    private static final String ERROR = "an AtoConfigException";

    /** Case id to (the difference named in DEVIATIONS.md, Ato's result as JSON). */
    private static final Map<String, List<String>> DEVIATIONS = Map.of(
            "mm-013", List.of("a top-level _delete_: true replaces the bases and never appears in the result"
                    + " (Python ato keeps it as an ordinary key)", "{\"b\": 2}"),
            "mm-019", List.of("YAML is read by Jackson (Python ato: PyYAML, YAML 1.1): 1e-3 is a float; yes, no, ~,"
                    + " 0x10 and 010 are text",
                    "{\"lr\": 0.001, \"lr2\": 0.001, \"flag\": \"yes\", \"switch\": \"no\", \"none_val\": \"~\","
                            + " \"int\": \"0x10\", \"oct\": \"010\", \"str\": \"1e-3\"}"),
            "mm-021", List.of("YAML is read by Jackson (Python ato: PyYAML, YAML 1.1): '.inf' is an error naming"
                    + " line 5 (On, 1_000 and 12:30 would be text)", ERROR),
            "mm-022", List.of("a key named 'default' is kept (Python ato drops it)",
                    "{\"model\": {\"default\": 3, \"x\": 1}, \"default\": \"top\"}"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;

    static Stream<Arguments> cases() {
        return Vectors.cases("ato/mm-config.json").stream().map(c -> {
            String id = c.get("id").asString();
            return Arguments.of(id + " " + c.get("category").asString()
                    + (DEVIATIONS.containsKey(id) ? " [deviation: " + DEVIATIONS.get(id).get(0) + "]" : ""), c);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loadMmConfigAsPythonAto(String name, JsonNode c) throws Exception {
        for (JsonNode f : c.get("files")) {
            Path file = root.resolve(f.get("path").asString());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.get("content").asString());
        }
        Path entry = root.resolve(c.get("entry").asString());
        JsonNode result = c.get("result");
        List<String> deviation = DEVIATIONS.get(c.get("id").asString());
        if (deviation != null && deviation.get(1).equals(ERROR)) {
            assertThatThrownBy(() -> ADict.loadMmConfig(entry)).as(deviation.get(0))
                    .isInstanceOf(AtoConfigException.class).hasMessageContaining(entry + ":5:");
            return;
        }
        if (result.has("error")) {
            assertThatThrownBy(() -> ADict.loadMmConfig(entry)).as("Python ato: " + result.get("error").asString())
                    .isInstanceOf(AtoConfigException.class).hasMessageContaining(root.toString());
            return;
        }
        Map<String, Object> actual = ADict.loadMmConfig(entry).toMap();
        Object python = Vectors.typed(result.get("value"), result.get("types"));
        if (deviation == null) {
            assertThat(actual).isEqualTo(python);
            assertThat(PythonTypes.of(actual)).isEqualTo(Vectors.typed(result.get("types"), null));
        } else {
            Object expected = Vectors.typed(JSON.readTree(deviation.get(1)), null);
            assertThat(actual).as(deviation.get(0)).isEqualTo(expected).isNotEqualTo(python);
            assertThat(PythonTypes.of(actual)).as(deviation.get(0)).isEqualTo(PythonTypes.of(expected));
        }
    }
}
