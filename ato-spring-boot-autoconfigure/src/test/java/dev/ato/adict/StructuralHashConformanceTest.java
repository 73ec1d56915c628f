package dev.ato.adict;

import dev.ato.conformance.PythonTypes;
import dev.ato.conformance.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every case of conformance/ato/structural-hash.json: entries, canonical string and SHA-1 as Python ato's. */
class StructuralHashConformanceTest {

    /** Case id to the deviation (DEVIATIONS.md, "ADict and structural hash") it meets. */
    private static final Map<String, String> DEVIATIONS = Map.of(
            "hash-041", "deviation: a key named 'default' is kept (Python ato drops it)",
            "hash-043", "deviation: 'recurrent' is an ordinary key (Python ato cannot build the dict)");

    static Stream<Arguments> cases() {
        return Vectors.cases("ato/structural-hash.json").stream().map(c -> Arguments.of(
                c.get("id").asString() + " " + c.get("category").asString()
                        + (DEVIATIONS.containsKey(c.get("id").asString()) ? " [" + DEVIATIONS.get(c.get("id").asString()) + "]" : ""),
                c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void structuralHashEqualsPythonAtos(String name, JsonNode c) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) Vectors.typed(c.get("input"), c.get("input_types"));
        ADict dict = ADict.of(input);
        assertThat(PythonTypes.of(dict)).as("input types").isEqualTo(Vectors.typed(c.get("input_types"), null));
        String id = c.get("id").asString();
        String canonical = StructuralHash.canonical(dict);
        switch (id) {
            case "hash-041" -> {
                assertThat(canonical).as(DEVIATIONS.get(id)).contains("[a.default:int]");
                assertThat(canonical.replace("[a.default:int]", "")).isEqualTo(c.get("canonical").asString());
            }
            case "hash-043" -> {
                assertThat(c.get("error").asString()).isEqualTo("TypeError");
                assertThat(canonical).as(DEVIATIONS.get(id)).isEqualTo("[recurrent:int]");
            }
            default -> {
                StringBuilder fromEntries = new StringBuilder();
                c.get("entries").forEach(e -> fromEntries.append('[').append(e.get(0).asString()).append(':')
                        .append(e.get(1).asString()).append(']'));
                assertThat(canonical).isEqualTo(c.get("canonical").asString()).isEqualTo(fromEntries.toString());
                assertThat(dict.structuralHash()).isEqualTo(c.get("hash").asString());
            }
        }
        assertThat(dict.structuralHash()).isEqualTo(sha1(canonical));
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
