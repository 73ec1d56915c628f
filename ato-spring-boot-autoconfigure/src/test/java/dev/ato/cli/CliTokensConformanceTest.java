package dev.ato.cli;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.conformance.PythonTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every case of {@code conformance/ato/cli-tokens.json} (recorded from Python ato 2.1.7): tokens, which bare tokens
 * are views or dropped, and each literal's value with its Python type map. Where Ato deliberately differs
 * ({@code DEVIATIONS.md}), the case asserts Ato's outcome and names the difference in {@link #DEVIATIONS}.
 * The {@code result} and {@code screen_views} parts need views and are checked by the scope's conformance test.
 */
class CliTokensConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode VECTORS = load();
    private static final String ERROR = "error";

    /** Python ato's built-in views, present in every case besides the registered ones. */
    private static final Set<String> BUILT_IN_VIEWS = Set.of("_default", "print");

    /** Case id and token → Ato's outcome (JSON value, or "error") and the named difference from Python ato. */
    private static final Map<String, Deviation> DEVIATIONS = Map.ofEntries(
            deviation("cli-003", "big=123456789012345678901234567890", ERROR,
                    "an integer beyond 64 bits is rejected with a hint (Python ints are unbounded; ADict holds Long)"),
            deviation("cli-017", "flag=true", "true", "YAML-style true/false/null are accepted"),
            deviation("cli-023", "x=%", ERROR,
                    "a lone % is an unterminated %-string (Python ato reads \"\"; Ato's empty string is %%)"),
            deviation("cli-025", "x=%50%% off%", "\"50% off\"", "%% inside %...% is a literal %"),
            deviation("cli-027", "x=%a\\%b%", "\"a%b\"", "inside %...% only \\% and \\\\ are escapes"),
            deviation("cli-029", "x=%line1\\nline2%", "\"line1\\\\nline2\"",
                    "inside %...% a backslash other than \\% and \\\\ is kept"),
            deviation("cli-031", "x=%say \"hi\"%", "\"say \\\"hi\\\"\"", "a \" inside a %...% value is accepted"),
            deviation("cli-037", "model=resnet50", "\"resnet50\"", "a bare word is a string"),
            deviation("cli-039", "x=a#b", "\"a#b\"", "never evaluated: a bare word is a string"),
            deviation("cli-049", "pad=[(1, 2), (3, 4)]", "[[1, 2], [3, 4]]", "tuples become lists"),
            deviation("cli-055", "d={%a%: 1}", "{\"a\": 1}", "%...% inside brackets is accepted"),
            deviation("cli-059", "a.b=1", "1",
                    "the literal is well-formed; Python's AttributeError comes from applying a dotted key to a plain"
                            + " ADict, which is the scope's concern"),
            deviation("cli-074", "x=1==1", "\"1==1\"", "never evaluated: an expression is a string"),
            deviation("cli-076", "x==1", "\"=1\"", "never evaluated: the text after the first = is the value"),
            deviation("cli-078", "x==1", "\"=1\"", "never evaluated: the text after the first = is the value"),
            deviation("cli-078", "y==None", "\"=None\"", "never evaluated: the text after the first = is the value"),
            deviation("cli-083", "x=2**10", "\"2**10\"", "never evaluated: an expression is a string"),
            deviation("cli-083", "y=3/2", "\"3/2\"", "never evaluated: an expression is a string"),
            deviation("cli-083", "z=7//2", "\"7//2\"", "never evaluated: an expression is a string"),
            deviation("cli-085", "x=True+1", "\"True+1\"", "never evaluated: an expression is a string"),
            deviation("cli-087", "x=range(3)", "\"range(3)\"", "never evaluated: no builtins, the text is a string"),
            deviation("cli-089", "x=dict(a=1)", "\"dict(a=1)\"", "never evaluated: no builtins, the text is a string"),
            deviation("cli-093", "x=1j", "\"1j\"", "no complex numbers: the text is a string"),
            deviation("cli-095", "x=config", "\"config\"", "never evaluated: no reference to the config object"),
            deviation("cli-097", "x=config.y", "\"config.y\"", "never evaluated: no reference to the config object"),
            deviation("cli-105", "x=[1, %a]b%, 2]", "[1, \"a]b\", 2]", "%...% inside brackets is accepted"),
            deviation("cli-107", "config.lr=1", "1",
                    "the literal is well-formed; the key is kept verbatim and scope prefixes are the scope's concern"),
            deviation("cli-113", "x-y=1", "1", "a key is any dotted path (Spring's kebab-case keys), not only a"
                    + " Python identifier"),
            deviation("cli-115", "1x=2", "2", "a key is any dotted path, not only a Python identifier"),
            deviation("cli-119", "x[0]=5", ERROR, "no index assignment: a key with '[' is rejected with a hint"
                    + " to set the whole list (Python assigns the list item)"));

    record Deviation(String atoOutcome, String difference) {
    }

    private static Map.Entry<String, Deviation> deviation(String id, String token, String ato, String difference) {
        return Map.entry(id + " " + token, new Deviation(ato, difference));
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        VECTORS.get("cases").forEach(c -> cases.add(Arguments.of(c.get("id").asString(), c.get("argv").asString(), c)));
        return cases.stream();
    }

    static Stream<Arguments> literals() {
        List<Arguments> literals = new ArrayList<>();
        VECTORS.get("cases").forEach(c -> c.get("literals").forEach(l ->
                literals.add(Arguments.of(c.get("id").asString(), l.get("token").asString(), l))));
        return literals.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void tokensAreExactlyPythonAtos(String id, String argv, JsonNode c) {
        assertThat(CliParser.tokenize(argv)).containsExactlyElementsOf(strings(c.get("tokens")));
    }

    /**
     * Bare tokens are classified like Python ato's (the known ones are its view tokens). Deviation: the tokens
     * Python ato silently ignores reach the scope as view names, which reports the unknown ones as errors.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void bareTokensAreViewNamesAndNoneIsDropped(String id, String argv, JsonNode c) {
        List<String> tokens = CliParser.tokenize(argv);
        List<String> assignments = tokens.stream().filter(t -> Tokenizer.assignmentSign(t) >= 0).toList();
        List<String> bare = tokens.stream().filter(t -> Tokenizer.assignmentSign(t) < 0).toList();
        List<String> literalTokens = new ArrayList<>();
        c.get("literals").forEach(l -> literalTokens.add(l.get("token").asString()));
        assertThat(assignments).containsExactlyElementsOf(literalTokens);

        Set<String> registered = new HashSet<>(BUILT_IN_VIEWS);
        registered.addAll(strings(c.get("scope").get("views")));
        assertThat(bare.stream().filter(registered::contains).toList())
                .containsExactlyElementsOf(strings(c.get("view_tokens")));
        assertThat(bare.stream().filter(t -> !registered.contains(t)).toList())
                .as("Python ato drops these silently; Ato passes them on as view names for the scope to reject")
                .containsExactlyElementsOf(strings(c.get("ignored_tokens")));

        boolean anyMalformed = literalTokens.stream().anyMatch(t -> outcome(t) == null);
        if (anyMalformed) {
            assertThatThrownBy(() -> CliParser.parseArguments(List.of(argv)))
                    .isInstanceOf(AtoConfigException.class);
        } else {
            List<String> viewNames = CliParser.parseArguments(List.of(argv)).stream()
                    .filter(a -> a instanceof CliArgument.ViewName)
                    .map(a -> ((CliArgument.ViewName) a).name()).toList();
            assertThat(viewNames).containsExactlyElementsOf(bare);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("literals")
    void literalValueAndTypes(String id, String token, JsonNode expected) {
        int sign = Tokenizer.assignmentSign(token);
        assertThat(token.substring(0, sign)).isEqualTo(expected.get("key").asString());

        Outcome ato = outcome(token);
        boolean pythonFailed = expected.has("error") || expected.has("readback_error");
        Deviation deviation = DEVIATIONS.get(id + " " + token);
        if (deviation == null) {
            if (pythonFailed) {
                assertThat(ato).as("Python ato fails on %s, so must Ato", token).isNull();
            } else {
                assertThat(ato).as("Ato parses %s", token).isNotNull();
                assertThat(matches(expected.get("value"), ato.value)).as("value of %s: %s", token, ato.value).isTrue();
                assertThat(ato.types).isEqualTo(stringsMap(expected.get("types")));
            }
            return;
        }
        if (deviation.atoOutcome.equals(ERROR)) {
            assertThat(ato).as("Ato rejects %s (%s)", token, deviation.difference).isNull();
            assertThat(pythonFailed).as("a real difference").isFalse();
        } else {
            assertThat(ato).as("Ato parses %s (%s)", token, deviation.difference).isNotNull();
            assertThat(matches(JSON.readTree(deviation.atoOutcome), ato.value))
                    .as("%s gives %s in Ato (%s)", token, ato.value, deviation.difference).isTrue();
            boolean samePython = !pythonFailed && matches(expected.get("value"), ato.value)
                    && ato.types.equals(stringsMap(expected.get("types")));
            assertThat(samePython).as("a real difference").isFalse();
        }
    }

    @Test
    void everyDeviationNamesALiteralOfTheVectors() {
        Set<String> keys = new HashSet<>();
        VECTORS.get("cases").forEach(c -> c.get("literals").forEach(l ->
                keys.add(c.get("id").asString() + " " + l.get("token").asString())));
        assertThat(keys).containsAll(DEVIATIONS.keySet());
    }

    @Test
    void malformedLiteralsNameTheTokenThePositionAndAHint() {
        assertThatThrownBy(() -> CliParser.parseArguments(List.of("x=%a", "b")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("command-line token #0")
                .hasMessageContaining("unterminated %-string")
                .hasMessageContaining("    x=%a b\n      ^\n")
                .hasMessageContaining("hint:");
    }

    /** Ato's value and its Python type map, or {@code null} when Ato rejects the token. */
    private record Outcome(Object value, Map<String, String> types) {
    }

    private static Outcome outcome(String token) {
        try {
            List<CliArgument> arguments = CliParser.parseArguments(List.of(token));
            assertThat(arguments).hasSize(1);
            Object value = ((CliArgument.Assignment) arguments.get(0)).value();
            return new Outcome(value, PythonTypes.of(value));
        } catch (AtoConfigException e) {
            assertThat(e.getMessage()).contains(token).contains("^").contains("hint:");
            return null;
        }
    }

    /** Structural equality of a vector's JSON value and an Ato value; numbers keep int/float and exact value. */
    static boolean matches(JsonNode expected, Object actual) {
        if (expected.isNull()) {
            return actual == null;
        }
        if (expected.isObject() && expected.has("$float")) {
            double special = switch (expected.get("$float").asString()) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
            return actual instanceof Double d && d.equals(special);
        }
        if (expected.isIntegralNumber()) {
            return (actual instanceof Integer || actual instanceof Long)
                    && expected.bigIntegerValue().longValue() == ((Number) actual).longValue()
                    && expected.bigIntegerValue().bitLength() < 64;
        }
        if (expected.isNumber()) {
            return actual instanceof Double d && d.equals(expected.doubleValue());
        }
        if (expected.isBoolean()) {
            return Boolean.valueOf(expected.booleanValue()).equals(actual);
        }
        if (expected.isString()) {
            return expected.stringValue().equals(actual);
        }
        if (expected.isArray()) {
            if (!(actual instanceof List<?> list) || list.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!matches(expected.get(i), list.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (!(actual instanceof ADict dict) || !new ArrayList<>(dict.keySet()).equals(
                expected.properties().stream().map(Map.Entry::getKey).toList())) {
            return false;
        }
        return expected.properties().stream().allMatch(e -> matches(e.getValue(), dict.get(e.getKey())));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static Map<String, String> stringsMap(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static JsonNode load() {
        try (InputStream in = CliTokensConformanceTest.class.getResourceAsStream("/conformance/ato/cli-tokens.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read conformance/ato/cli-tokens.json", e);
        }
    }
}
