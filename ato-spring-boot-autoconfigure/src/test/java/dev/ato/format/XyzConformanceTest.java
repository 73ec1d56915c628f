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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every case of conformance/ato/xyz.json. {@code dumps} is byte-identical to Python ato's in every case; reading
 * back follows Python ato except where DEVIATIONS.md ("XYZ") says Ato reads back what dumps wrote.
 */
class XyzConformanceTest {

    private static final String INPUT = "the input";
    private static final String ERROR = "an AtoConfigException";

    /** Case id to (the difference, Ato's result as JSON, {@link #INPUT} or {@link #ERROR}). */
    private static final Map<String, List<String>> DEVIATIONS = Map.ofEntries(
            Map.entry("xyz-015", List.of("negative numbers and '' read back (Python ato: strings and None);"
                    + " text that looks like None, a number or a bool still reads as one (XYZ is unquoted)",
                    "{\"neg\": -1, \"negf\": -0.5, \"empty\": \"\", \"none_str\": null, \"num_str\": 123, \"true_str\": true}")),
            Map.entry("xyz-019", List.of("a negative float reads back as a float (Python ato: a string)", INPUT)),
            Map.entry("xyz-021", List.of("text with ':' reads back whole (Python ato: nested dicts)", INPUT)),
            Map.entry("xyz-023", List.of("text with ')' reads back (Python ato: ValueError)", INPUT)),
            Map.entry("xyz-025", List.of("'1.2.3' reads back as text (Python ato: ValueError)", INPUT)),
            Map.entry("xyz-027", List.of("multi-line text reads back (Python ato: the key name)", INPUT)),
            Map.entry("xyz-029", List.of("leading and trailing spaces of text are kept (Python ato strips them)", INPUT)),
            Map.entry("xyz-033", List.of("format_dict is not supported: its header is an error", ERROR)),
            Map.entry("xyz-035", List.of("format_dict is not supported: its header is an error", ERROR)),
            Map.entry("xyz-043", List.of("a key with ':' reads back (Python ato: nested dicts)", INPUT)),
            Map.entry("xyz-045", List.of("four-space indentation is read (Python ato: AttributeError)",
                    "{\"a\": {\"b\": 1, \"c\": 2}, \"d\": 3}")),
            Map.entry("xyz-047", List.of("a tab is one level and the dedented key goes back to the top (Python ato"
                    + " puts 'd' under 'a')", "{\"a\": {\"b\": 1}, \"d\": 3}")),
            Map.entry("xyz-049", List.of("format headers are not supported: an error naming the line", ERROR)),
            Map.entry("xyz-051", List.of("format headers are not supported: an error naming the line", ERROR)),
            Map.entry("xyz-059", List.of("a duplicate key is an error naming both lines, as in every format"
                    + " (Python ato: the last value wins)", ERROR)),
            Map.entry("xyz-065", List.of("'-3' reads as an int (Python ato: a string)",
                    "{\"name\": \"John\", \"age\": 30, \"ratio\": 0.75, \"neg\": -3, \"flag\": false, \"nothing\": null,"
                            + " \"exp\": 0.002, \"big\": 1000.0, \"sci\": \"1e3\"}")),
            Map.entry("xyz-067", List.of("'nan' reads as a float, as dumps writes NaN (Python ato: a string)",
                    "{\"a\": 0.5, \"b\": 5.0, \"c\": \"+5\", \"d\": \"..\", \"e\": \".\", \"f\": {\"$float\": \"nan\"},"
                            + " \"g\": \"Infinity\", \"h\": 1500.0}")),
            Map.entry("xyz-069", List.of("'12.5.1' is text (Python ato: ValueError)", "{\"a\": \"12.5.1\"}")),
            Map.entry("xyz-071", List.of("'1e+' is text (Python ato: ValueError)", "{\"a\": \"1e+\"}")),
            Map.entry("xyz-082", List.of("format headers are not supported: an error naming the line", ERROR)));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Vectors.cases("ato/xyz.json").stream().map(c -> {
            String id = c.get("id").asString();
            String name = id + " " + c.get("op").asString() + " " + c.get("category").asString()
                    + (DEVIATIONS.containsKey(id) ? " [deviation: " + DEVIATIONS.get(id).get(0) + "]" : "");
            return Arguments.of(name, c);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void xyzAsPythonAto(String name, JsonNode c) throws Exception {
        String id = c.get("id").asString();
        String text = c.get("text").asString();
        List<String> deviation = DEVIATIONS.get(id);
        switch (c.get("op").asString()) {
            case "dump" -> {
                Object input = Vectors.typed(c.get("input"), c.get("input_types"));
                if (c.has("format_dict")) {
                    assertThatThrownBy(() -> Xyz.loads(text)).as(deviation.get(0))
                            .isInstanceOf(AtoConfigException.class).hasMessageContaining("line 1")
                            .hasMessageContaining("format_dict");
                    return;
                }
                assertThat(Xyz.dumps(input)).as("dumps, byte for byte").isEqualTo(text);
                assertThat(Xyz.dumps(ADict.of(java.util.Collections.singletonMap("k", input)).get("k"))).isEqualTo(text);
                expect(() -> Xyz.loads(text), deviation, c.get("reloaded"), input);
            }
            case "loads" -> expect(() -> Xyz.loads(text), deviation, c.get("result"), null);
            case "load_file" -> {
                Path file = dir.resolve("c.xyz");
                Files.writeString(file, text);
                expect(() -> ADict.load(file), deviation, c.get("result"), null);
            }
            default -> throw new IllegalStateException("unknown op in " + id);
        }
    }

    private static void expect(java.util.concurrent.Callable<Object> load, List<String> deviation, JsonNode python,
            Object input) throws Exception {
        if (deviation == null) {
            if (python.has("error")) {
                assertThatThrownBy(load::call).as("Python ato: " + python.get("error").asString())
                        .isInstanceOf(AtoConfigException.class).hasMessageContaining("line");
            } else {
                Object actual = plain(load.call());
                assertThat(actual).isEqualTo(Vectors.typed(python.get("value"), python.get("types")));
                assertThat(PythonTypes.of(actual)).isEqualTo(Vectors.typed(python.get("types"), null));
            }
            return;
        }
        String ato = deviation.get(1);
        if (ato.equals(ERROR)) {
            assertThatThrownBy(load::call).as(deviation.get(0)).isInstanceOf(AtoConfigException.class)
                    .hasMessageContaining("line");
            return;
        }
        Object expected = ato.equals(INPUT) ? input : Vectors.typed(JSON.readTree(ato), null);
        Object actual = plain(load.call());
        assertThat(actual).as(deviation.get(0)).isEqualTo(expected);
        assertThat(PythonTypes.of(actual)).as(deviation.get(0)).isEqualTo(PythonTypes.of(expected));
        assertThat(actual).as("and it differs from Python ato's result")
                .isNotEqualTo(python.has("value") ? Vectors.typed(python.get("value"), python.get("types")) : null);
    }

    private static Object plain(Object value) {
        if (value instanceof ADict d) {
            return d.toMap();
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(v -> result.add(plain(v)));
            return result;
        }
        return value;
    }

    /** Extra cases beyond the shared vectors, checked against Python ato's xyz source (keys and values are stripped). */
    @org.junit.jupiter.api.Test
    void spacesAroundTheSeparatorAreStrippedAsInPythonAto() {
        Object value = Xyz.loads("lr : 0.1\nmodel :\n  depth : 50");
        org.assertj.core.api.Assertions.assertThat(((ADict) value).toMap())
                .isEqualTo(java.util.Map.of("lr", 0.1, "model", java.util.Map.of("depth", 50)));
    }

    /** Python ato: dumps("") is " " and loads(" ") is "" (a blank text is one empty value). */
    @org.junit.jupiter.api.Test
    void theEmptyStringRoundTripsAsInPythonAto() {
        org.assertj.core.api.Assertions.assertThat(Xyz.dumps("")).isEqualTo(" ");
        org.assertj.core.api.Assertions.assertThat(Xyz.loads(Xyz.dumps(""))).isEqualTo("");
        org.assertj.core.api.Assertions.assertThat(Xyz.loads(Xyz.dumps(null))).isNull();
    }
}
