package dev.ato.hydra;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every case of conformance/hydra/cases.json (outputs of real Hydra 1.3.5) and of conformance/hydra-wild/cases.json
 * (real projects' trees composed by Hydra 1.3.2): the unresolved and resolved config with key order and JSON types,
 * the merge order, the group choices, the missing keys, or the error.
 */
class HydraConformanceTest {

    /** The vector folders under test resources; each holds a cases.json. */
    private static final List<String> SETS = List.of("hydra", "hydra-wild");

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> result = new ArrayList<>();
        for (String set : SETS) {
            Path folder = folder(set);
            for (JsonNode c : read(set).get("cases")) {
                String name = set.equals("hydra") ? c.get("name").asString() : set + ":" + c.get("name").asString();
                result.add(Arguments.of(name, folder, c));
            }
        }
        return result.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesHydra(String name, Path folder, JsonNode c) throws Exception {
        Path configDir = c.has("tree_dir") ? folder.resolve(c.get("tree_dir").asString()) : writeTree(c);
        List<String> overrides = new ArrayList<>();
        c.get("overrides").forEach(o -> overrides.add(o.asString()));
        Map<String, String> env = new HashMap<>();
        if (c.has("env")) {
            c.get("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        }
        String configName = c.get("config_name").asString();
        JsonNode error = c.get("error");

        if (error != null && error.get("stage").asString().equals("compose")) {
            assertThatThrownBy(() -> Hydra.composition(configDir, configName, overrides))
                    .isInstanceOfSatisfying(HydraException.class, e -> assertError(error, e, overrides));
            return;
        }
        Composition composition = Hydra.composition(configDir, configName, overrides);
        assertSame(c.get("result_unresolved"), composition.config().toMap(), "");
        assertThat(composition.mergeOrder()).isEqualTo(mergeOrder(c.get("defaults_order")));
        assertThat(composition.choices()).isEqualTo(choices(c.get("choices")));
        List<String> missing = new ArrayList<>();
        c.get("missing_keys").forEach(k -> missing.add(k.asString()));
        assertThat(composition.missingKeys()).isEqualTo(missing);
        List<String> warnings = new ArrayList<>();
        c.get("warnings").forEach(w -> warnings.add(w.get("message").asString()));
        assertThat(composition.warnings()).isEqualTo(warnings);

        if (error != null) {
            assertThatThrownBy(() -> composition.resolve(ZonedDateTime.now(), env))
                    .isInstanceOfSatisfying(HydraException.class, e -> assertError(error, e, overrides));
        } else {
            ADict resolved = composition.resolve(ZonedDateTime.now(), env);
            assertSame(c.get("result_resolved"), resolved.toMap(), "");
        }
    }

    private static void assertError(JsonNode error, HydraException e, List<String> overrides) {
        assertThat(e).isInstanceOf(AtoConfigException.class);
        assertThat(e.kind()).isEqualTo(kindOf(error.get("type").asString()));
        String message = error.get("message").asString();
        String fullKey = null;
        int at = message.indexOf("\n    full_key: ");
        if (at >= 0) {
            fullKey = message.substring(at + "\n    full_key: ".length()).split("\n")[0];
            message = message.substring(0, at);
        }
        int searchPath = message.indexOf("\nConfig search path");
        if (searchPath >= 0) {
            message = message.substring(0, searchPath);
        }
        if (error.has("expect_tokens")) {
            // hydra-wild: the message names at least one expected token, as a whole word, case-insensitively
            List<String> tokens = new ArrayList<>();
            error.get("expect_tokens").forEach(t -> tokens.add(t.asString()));
            assertThat(tokens).as("tokens named by: " + e.getMessage()).anyMatch(t -> java.util.regex.Pattern
                    .compile("(?<![\\w.])" + java.util.regex.Pattern.quote(t) + "(?![\\w])",
                            java.util.regex.Pattern.CASE_INSENSITIVE).matcher(e.getMessage()).find());
        } else if (e.kind() == HydraException.Kind.OVERRIDE_PARSE) {
            // Difference: Hydra reports ANTLR's wording ("no viable alternative at input ..."); Ato names the
            // override, what was expected and the position.
            assertThat(e.getMessage()).contains(overrides.get(overrides.size() - 1)).contains("position");
        } else {
            assertThat(e.getMessage()).contains(message);
        }
        if (fullKey != null) {
            assertThat(e.keyPath()).isEqualTo(fullKey);
            assertThat(e.source()).as("the file the key came from").isNotNull();
        }
    }

    private static HydraException.Kind kindOf(String pythonType) {
        return switch (pythonType) {
            case "MissingConfigException" -> HydraException.Kind.MISSING_CONFIG;
            case "ConfigCompositionException" -> HydraException.Kind.COMPOSITION;
            case "OverrideParseException" -> HydraException.Kind.OVERRIDE_PARSE;
            case "MissingMandatoryValue" -> HydraException.Kind.MISSING_MANDATORY_VALUE;
            case "InterpolationToMissingValueError" -> HydraException.Kind.INTERPOLATION_TO_MISSING_VALUE;
            case "InterpolationKeyError" -> HydraException.Kind.INTERPOLATION_KEY;
            case "InterpolationResolutionError", "UnsupportedInterpolationType" ->
                    HydraException.Kind.INTERPOLATION_RESOLUTION;
            default -> throw new AssertionError("no Ato error kind for Hydra's " + pythonType);
        };
    }

    /** Compares a golden JSON value with an actual value: types (int vs float), key order, markers. */
    static void assertSame(JsonNode expected, Object actual, String path) {
        if (expected.isObject() && expected.has("$matches")) {
            assertThat(actual).as(path).isInstanceOf(String.class);
            assertThat((String) actual).as(path).matches(expected.get("$matches").asString());
        } else if (expected.isObject() && expected.has("$float")) {
            double d = switch (expected.get("$float").asString()) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
            assertThat(actual).as(path).isEqualTo(d);
        } else if (expected.isObject()) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<?, ?> map = (Map<?, ?>) actual;
            List<String> keys = new ArrayList<>();
            expected.propertyNames().forEach(keys::add);
            assertThat(map.keySet().stream().map(String::valueOf).toList()).as("keys of " + path).isEqualTo(keys);
            for (String k : keys) {
                assertSame(expected.get(k), map.get(k), path.isEmpty() ? k : path + "." + k);
            }
        } else if (expected.isArray()) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<?> list = (List<?>) actual;
            assertThat(list).as(path).hasSize(expected.size());
            for (int i = 0; i < list.size(); i++) {
                assertSame(expected.get(i), list.get(i), path + "[" + i + "]");
            }
        } else if (expected.isIntegralNumber()) {
            assertThat(actual).as(path).isInstanceOfAny(Integer.class, Long.class, java.math.BigInteger.class);
            assertThat(new java.math.BigInteger(actual.toString())).as(path).isEqualTo(expected.bigIntegerValue());
        } else if (expected.isFloatingPointNumber()) {
            assertThat(actual).as(path).isInstanceOf(Double.class);
            assertThat((Double) actual).as(path).isEqualTo(expected.doubleValue());
        } else if (expected.isBoolean()) {
            assertThat(actual).as(path).isEqualTo(expected.booleanValue());
        } else if (expected.isNull()) {
            assertThat(actual).as(path).isNull();
        } else if (expected.isString()) {
            assertThat(actual).as(path).isEqualTo(expected.asString());
        } else {
            fail("unexpected golden value at " + path + ": " + expected);
        }
    }

    private static List<MergedConfig> mergeOrder(JsonNode order) {
        List<MergedConfig> result = new ArrayList<>();
        order.forEach(o -> result.add(new MergedConfig(o.get("config_path").asString(), o.get("package").asString(),
                o.get("is_self").booleanValue(), o.get("primary").booleanValue())));
        return result;
    }

    private static Map<String, String> choices(JsonNode choices) {
        Map<String, String> result = new LinkedHashMap<>();
        choices.properties().forEach(e -> result.put(e.getKey(), e.getValue().isNull() ? null
                : e.getValue().asString()));
        return result;
    }

    private Path writeTree(JsonNode c) throws Exception {
        for (JsonNode file : c.get("tree")) {
            Path target = dir.resolve(file.get("path").asString());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.get("content").asString());
        }
        return dir;
    }

    private static Path folder(String set) {
        try {
            return Path.of(HydraConformanceTest.class.getResource("/conformance/" + set).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String set) {
        try (InputStream in = HydraConformanceTest.class.getResourceAsStream("/conformance/" + set + "/cases.json")) {
            return JsonMapper.builder().build().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
