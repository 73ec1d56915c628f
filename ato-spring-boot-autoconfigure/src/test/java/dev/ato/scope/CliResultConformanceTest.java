package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.conformance.PythonTypes;
import dev.ato.conformance.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code result} and {@code screen_views} parts of every case of {@code conformance/ato/cli-tokens.json}: the
 * whole command line resolved through a scope with the case's config and no-op views. Tokens and single literals
 * are checked by the cli package's own conformance test. Cases that meet a deviation ({@code DEVIATIONS.md})
 * assert Ato's outcome and name the difference in {@link #DEVIATIONS}.
 */
class CliResultConformanceTest {

    private static final JsonNode VECTORS = Vectors.file("ato/cli-tokens.json");
    private static final String ERROR = "error";

    /** Case id → Ato's final config as JSON, or "error", and the difference from Python ato. */
    private static final Map<String, Deviation> DEVIATIONS = Map.ofEntries(
            deviation("cli-003", ERROR, "an integer beyond 64 bits is rejected (Python ints are unbounded)"),
            deviation("cli-017", "{\"flag\": true}", "YAML-style true/false/null are accepted"),
            deviation("cli-023", ERROR, "a lone % is an unterminated %-string (Ato's empty string is %%)"),
            deviation("cli-025", "{\"x\": \"50% off\"}", "%% inside %...% is a literal %"),
            deviation("cli-027", "{\"x\": \"a%b\"}", "inside %...% only \\% and \\\\ are escapes"),
            deviation("cli-029", "{\"x\": \"line1\\\\nline2\"}", "inside %...% other backslashes are kept"),
            deviation("cli-031", "{\"x\": \"say \\\"hi\\\"\"}", "a \" inside a %...% value is accepted"),
            deviation("cli-035", ERROR, "the token b\" is not a view: an unknown bare token is an error"
                    + " (Python ignores it, then fails on the quote)"),
            deviation("cli-037", "{\"model\": \"resnet50\"}", "a bare word is a string"),
            deviation("cli-039", "{\"x\": \"a#b\"}", "never evaluated: a bare word is a string"),
            deviation("cli-055", "{\"d\": {\"a\": 1}}", "%...% inside brackets is accepted"),
            deviation("cli-059", "{\"a\": {\"b\": 1}}",
                    "a dotted command-line key creates the dicts it needs, also on a plain ADict"),
            deviation("cli-065", ERROR, "a scope-prefixed view name in a single scope is an unknown token"
                    + " (an error with a did-you-mean) rather than silently ignored"),
            deviation("cli-069", ERROR, "'manual' is a host command: anywhere on a scope's command line it is an"
                    + " unknown token, an error"),
            deviation("cli-071", ERROR, "'--help' is an unknown token, an error (Python ignores it)"),
            deviation("cli-074", "{\"x\": \"1==1\"}", "never evaluated: an expression is a string"),
            deviation("cli-076", "{\"x\": \"=1\"}", "never evaluated: the text after the first = is the value"),
            deviation("cli-078", "{\"x\": \"=1\", \"y\": \"=None\"}", "never evaluated: x==1 sets x to '=1'"),
            deviation("cli-083", "{\"x\": \"2**10\", \"y\": \"3/2\", \"z\": \"7//2\"}",
                    "never evaluated: arithmetic is a string"),
            deviation("cli-085", "{\"x\": \"True+1\"}", "never evaluated: an expression is a string"),
            deviation("cli-087", "{\"x\": \"range(3)\"}", "never evaluated: a call is a string"),
            deviation("cli-089", "{\"x\": \"dict(a=1)\"}", "never evaluated: a call is a string"),
            deviation("cli-093", "{\"x\": \"1j\"}", "no complex numbers: 1j is a bare word, a string"),
            deviation("cli-095", "{\"lr\": 0.1, \"x\": \"config\"}",
                    "never evaluated: 'config' is a bare word, not a reference to the config"),
            deviation("cli-097", "{\"x\": \"config.y\"}", "never evaluated: config.y is a string"),
            deviation("cli-099", ERROR, "the trailing token 'world' is not a view: an error (Python ignores it)"),
            deviation("cli-101", ERROR, "the trailing tokens ',' and '%b%' are not views: an error"),
            deviation("cli-107", "{\"config\": {\"lr\": 1}}",
                    "a single scope takes keys without its prefix: config.lr is the nested key config.lr"),
            deviation("cli-049", "{\"pad\": [[1, 2], [3, 4]]}", "tuples become lists (no tuple type in ADict)"),
            deviation("cli-105", "{\"x\": [1, \"a]b\", 2]}", "%...% inside brackets is accepted"),
            deviation("cli-113", "{\"x-y\": 1}", "a key is any dotted path (Spring's kebab-case keys),"
                    + " not only a Python identifier"),
            deviation("cli-115", "{\"1x\": 2}", "a key is any dotted path, not only a Python identifier"),
            deviation("cli-119", ERROR, "no index assignment: a key with '[' is rejected with a hint to set"
                    + " the whole list (Python assigns the list item)"),
            deviation("cli-127", ERROR, "_default is not a view in Ato: the base config is always applied first,"
                    + " so naming it is an unknown token"));

    private record Deviation(String ato, String difference) {
    }

    private static Map.Entry<String, Deviation> deviation(String id, String ato, String difference) {
        return Map.entry(id, new Deviation(ato, difference));
    }

    static Stream<Arguments> cases() {
        return StreamSupport.stream(VECTORS.get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("id").stringValue() + " " + c.get("argv").stringValue(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesTheWholeCommandLine(String name, JsonNode testCase) {
        Scope scope = scope(testCase.get("scope"));
        List<String> args = List.of(testCase.get("argv").stringValue());
        JsonNode result = testCase.get("result");
        Deviation deviation = DEVIATIONS.get(testCase.get("id").stringValue());
        boolean fails = deviation != null ? deviation.ato().equals(ERROR) : result.has(ERROR);
        if (fails) {
            assertThatThrownBy(() -> scope.resolve(args))
                    .as(deviation != null ? deviation.difference() : "Python: " + result.get(ERROR).stringValue())
                    .isInstanceOf(AtoConfigException.class);
            return;
        }
        Resolution resolution = scope.resolve(args);
        if (deviation != null) {
            assertThat(ScopeVectors.json(resolution.config())).as(deviation.difference())
                    .isEqualTo(ScopeVectors.JSON.readTree(deviation.ato()));
        } else {
            assertThat(ScopeVectors.json(resolution.config())).isEqualTo(ScopeVectors.expected(result.get("config")));
            assertThat(PythonTypes.of(resolution.config())).isEqualTo(ScopeVectors.stringMap(result.get("types")));
        }
        assertThat(resolution.appliedViews().stream().map(AppliedView::name).toList())
                .as("screen_views").isEqualTo(ScopeVectors.strings(testCase.get("screen_views")));
    }

    private static Scope scope(JsonNode node) {
        ADict base = node.get("config").stringValue().equals("ADict.auto") ? ADict.auto() : new ADict();
        node.get("initial").properties().forEach(e -> base.put(e.getKey(), ScopeVectors.java(e.getValue())));
        Scope scope = new Scope(node.get("name").stringValue(), base);
        for (JsonNode view : node.get("views")) {
            scope.observe(view.stringValue(), ViewOptions.defaults(), config -> { });
        }
        return scope;
    }
}
