package dev.ato.scope;

import dev.ato.adict.ADict;
import dev.ato.conformance.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of {@code conformance/ato/manual.json}: {@link Manual#render} must print Python ato's text byte for
 * byte. Named differences: Ato's priorities are integers, so manual-005's priority 0.5 is given as 1 (between its
 * neighbours 0 and 5, which keeps every comparison of the case); {@code manual}/{@code --help} are commands of the
 * host rather than tokens, so the case's argv only selects the manual; and mode {@code registered} (two plain
 * Scopes in one process) is rendered like several scopes, because Ato has no global registry.
 */
class ManualConformanceTest {

    private static final JsonNode VECTORS = Vectors.file("ato/manual.json");

    static Stream<Arguments> cases() {
        return StreamSupport.stream(VECTORS.get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("id").stringValue() + " " + c.get("category").stringValue(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsPythonAtosText(String name, JsonNode testCase) {
        List<Scope> scopes = new ArrayList<>();
        for (JsonNode node : testCase.get("scopes")) {
            scopes.add(scope(node));
        }
        assertThat(Manual.render(scopes.toArray(Scope[]::new))).isEqualTo(testCase.get("stdout").stringValue());
        assertThat(testCase.get("exit_code").intValue()).isZero();
    }

    /** Python ato registers the base config as view {@code _default} at priority -1 before any user view. */
    @org.junit.jupiter.api.Test
    void negativePriorityViewsSortAroundTheBaseConfigAsInPythonAto() {
        Scope scope = new Scope("config", ADict.of(Map.of("lr", 0.1)));
        scope.observe("a", ViewOptions.defaults().priority(-1), config -> { });
        scope.observe("b", ViewOptions.defaults().priority(-2), config -> { });
        scope.observe("c", ViewOptions.defaults(), config -> { });
        assertThat(Manual.render(scope)).contains("b \u2192 _default \u2192 a \u2192 c \u2192 (CLI Inputs) \u2192 print\n");
        Scope late = new Scope("late", ADict.of(Map.of("lr", 0.1)));
        late.observe("x", ViewOptions.defaults().priority(-5), config -> { });
        assertThat(Manual.render(late)).contains("x \u2192 _default \u2192 (CLI Inputs) \u2192 print\n");
    }

    private static Scope scope(JsonNode node) {
        String name = node.get("name").stringValue();
        JsonNode initial = node.get("initial_config");
        Scope scope = initial.isNull() ? new Scope(name) : new Scope(name, ADict.of(map(initial)));
        for (JsonNode view : node.get("views")) {
            double priority = view.get("priority").doubleValue();
            ViewOptions options = ViewOptions.defaults()
                    .priority(priority == Math.rint(priority) ? (int) priority : (int) Math.ceil(priority))
                    .lazy(view.get("lazy").booleanValue())
                    .defaultView(view.get("default").booleanValue());
            scope.observe(view.get("name").stringValue(), options, config -> { });
        }
        JsonNode manual = node.get("manual");
        scope.manual(docs -> manual.properties().forEach(e -> docs.put(e.getKey(), ScopeVectors.java(e.getValue()))));
        if (node.has("manual_updates")) {
            for (JsonNode update : node.get("manual_updates")) {
                scope.manual(docs -> docs.update(map(update)));
            }
        }
        return scope;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode node) {
        return (Map<String, Object>) ScopeVectors.java(node);
    }
}
