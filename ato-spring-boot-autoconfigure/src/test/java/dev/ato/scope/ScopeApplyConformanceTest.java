package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import dev.ato.adict.ADict;
import dev.ato.conformance.PythonTypes;
import dev.ato.conformance.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every case of {@code conformance/ato/scope-apply.json}: the vector's view DSL is implemented here with lambdas,
 * each case is resolved by Ato, and the configs, types, applied order ("screen"), command-line literals and view
 * calls are compared. Two differences apply to every case and are named here once: Ato runs each view once, so the
 * vectors' {@code compute} calls (Python's second pass on a frozen config) are not expected; and Ato has no global
 * registry, so mode {@code registered} is a {@link MultiScope}. Cases that meet another deviation
 * ({@code DEVIATIONS.md}) assert Ato's outcome and name the difference in {@link #DEVIATIONS}.
 */
class ScopeApplyConformanceTest {

    private static final JsonNode VECTORS = Vectors.file("ato/scope-apply.json");
    private static final String ERROR = "error";

    /** Case id → Ato's configs as JSON ({@code scope → config}) or "error", and the difference from Python ato. */
    private static final Map<String, Deviation> DEVIATIONS = Map.ofEntries(
            deviation("apply-017", "{\"config\": {\"a\": 3, \"b\": \"config.a*10\"}}",
                    "literals are never evaluated: b=config.a*10 is the string 'config.a*10'"),
            deviation("apply-027", "{\"config\": {\"a\": 1, \"b\": 2}}",
                    "a deferred block inside a lazy view runs (Python ato discards Scope.lazy() there)"),
            deviation("apply-035", ERROR,
                    "an unknown chainWith name is an error naming the view (Python evaluates it as a literal)"),
            deviation("apply-049", "{\"model\": {\"backbone\": \"resnet50\", \"lr\": 0.1, \"data\": {\"lr\": 0.7}},"
                            + " \"data\": {\"dataset\": \"cifar10\", \"lr\": 0.001}}",
                    "a dotted command-line key creates the dicts it needs (Python: AttributeError on a plain ADict)"),
            deviation("apply-052", ERROR,
                    "with several scopes an unprefixed literal (lr=0.5) is an error naming the scopes (Python drops"
                            + " it and never applies the second scope)"),
            deviation("apply-054", ERROR,
                    "'print' is a command of the host (Spring Shell), not a view token: an unknown token is an error"),
            deviation("apply-064", ERROR,
                    "an unknown bare token (unknown_view) is an error with the known views (Python ignores it)"),
            deviation("apply-066", "{\"config\": {\"lr\": \"=0.1\", \"other\": \"=1\"}}",
                    "never evaluated: the value is the text after the first '=' (Python runs lr==0.1 as an"
                            + " expression and prints its result)"));

    private record Deviation(String ato, String difference) {
    }

    private static Map.Entry<String, Deviation> deviation(String id, String ato, String difference) {
        return Map.entry(id, new Deviation(ato, difference));
    }

    static Stream<Arguments> cases() {
        return StreamSupport.stream(VECTORS.get("cases").spliterator(), false)
                .map(c -> Arguments.of(c.get("id").stringValue() + " " + c.get("category").stringValue(), c));
    }

    /** One execution of a function view, as the vectors record it. */
    private record Call(String scope, String view, String phase) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesLikePythonAto(String name, JsonNode testCase) {
        List<Call> calls = new ArrayList<>();
        List<Scope> scopes = new ArrayList<>();
        for (JsonNode scopeNode : testCase.get("scopes")) {
            scopes.add(scope(scopeNode, calls));
        }
        List<String> argv = ScopeVectors.strings(testCase.get("argv"));
        String mode = testCase.get("mode").stringValue();
        JsonNode result = testCase.get("result");
        Deviation deviation = DEVIATIONS.get(testCase.get("id").stringValue());
        boolean fails = deviation != null ? deviation.ato().equals(ERROR) : result.has(ERROR);

        if (fails) {
            assertThatThrownBy(() -> resolve(mode, scopes, argv))
                    .as(deviation != null ? deviation.difference() : "Python: " + result.get(ERROR).stringValue())
                    .isInstanceOf(AtoConfigException.class)
                    .satisfies(e -> {
                        if (deviation == null && "AttributeError".equals(result.get(ERROR).stringValue())) {
                            assertThat(e).hasCauseInstanceOf(AtoKeyException.class); // a missing key, as in Python
                        }
                    });
            return;
        }
        Map<String, Resolution> resolutions = resolve(mode, scopes, argv);
        if (deviation != null) {
            JsonNode ato = ScopeVectors.JSON.readTree(deviation.ato());
            ato.properties().forEach(e -> assertThat(ScopeVectors.json(resolutions.get(e.getKey()).config()))
                    .as(deviation.difference()).isEqualTo(e.getValue()));
            return;
        }
        result.get("configs").properties().forEach(e -> {
            ADict config = resolutions.get(e.getKey()).config();
            assertThat(ScopeVectors.json(config)).as("config of " + e.getKey()).isEqualTo(e.getValue());
            assertThat(PythonTypes.of(config)).as("types of " + e.getKey())
                    .isEqualTo(ScopeVectors.stringMap(result.get("types").get(e.getKey())));
        });
        result.get("screen").properties().forEach(e -> assertScreen(resolutions.get(e.getKey()), e.getValue()));
        List<Call> expectedCalls = new ArrayList<>();
        for (JsonNode call : result.get("calls")) {
            if (!call.get("phase").stringValue().equals("compute")) { // Ato runs each view once
                expectedCalls.add(new Call(call.get("scope").stringValue(), call.get("view").stringValue(),
                        call.get("phase").stringValue()));
            }
        }
        assertThat(calls).isEqualTo(expectedCalls);
    }

    private static void assertScreen(Resolution resolution, JsonNode screen) {
        List<AppliedView> applied = resolution.appliedViews();
        assertThat(applied.stream().filter(v -> !v.lazy()).map(AppliedView::name).toList())
                .isEqualTo(ScopeVectors.strings(screen.get("views")));
        assertThat(applied.stream().filter(AppliedView::lazy).map(AppliedView::name).toList())
                .isEqualTo(ScopeVectors.strings(screen.get("lazy_views")));
        // each literal Python executed is a command-line write in Ato's history of its key
        for (String literal : ScopeVectors.strings(screen.get("literals"))) {
            String key = literal.substring(0, literal.indexOf('='));
            assertThat(resolution.history(key)).as("history of " + key)
                    .anySatisfy(origin -> assertThat(origin.kind()).isEqualTo(LayerKind.CLI));
        }
    }

    private static Map<String, Resolution> resolve(String mode, List<Scope> scopes, List<String> argv) {
        if (mode.equals("single")) {
            Map<String, Resolution> single = new LinkedHashMap<>();
            single.put(scopes.get(0).name(), scopes.get(0).resolve(argv));
            return single;
        }
        return new MultiScope(scopes.toArray(Scope[]::new)).resolve(argv);
    }

    // ------------------------------------------------------------------ the vectors' view DSL

    private static Scope scope(JsonNode node, List<Call> calls) {
        String name = node.get("name").stringValue();
        boolean auto = node.get("config").stringValue().equals("ADict.auto");
        JsonNode initial = node.get("initial_config");
        Scope scope;
        if (initial.isNull() && !auto) {
            scope = new Scope(name);
        } else {
            ADict base = auto ? ADict.auto() : new ADict();
            if (!initial.isNull()) {
                initial.properties().forEach(e -> base.put(e.getKey(), ScopeVectors.java(e.getValue())));
            }
            scope = new Scope(name, base);
        }
        for (JsonNode view : node.get("views")) {
            ViewOptions options = ViewOptions.defaults()
                    .priority(view.get("priority").intValue())
                    .lazy(view.get("lazy").booleanValue())
                    .defaultView(view.get("default").booleanValue())
                    .chainWith(chain(view.get("chain_with")));
            String viewName = view.get("name").stringValue();
            if (view.get("kind").stringValue().equals("config")) {
                Object config = ScopeVectors.java(view.get("config"));
                scope.observe(viewName, options, c -> c.update(asMap(config)));
            } else {
                JsonNode ops = view.get("ops");
                String phase = options.lazy() ? "lazy" : "main";
                scope.observe(viewName, options, (config, context) -> {
                    calls.add(new Call(name, viewName, phase));
                    run(ops, config, context);
                });
            }
        }
        return scope;
    }

    private static String[] chain(JsonNode chainWith) {
        if (chainWith == null || chainWith.isNull()) {
            return new String[0];
        }
        if (chainWith.isString()) {
            return new String[] {chainWith.stringValue()};
        }
        return ScopeVectors.strings(chainWith).toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static void run(JsonNode ops, ADict config, ViewContext context) {
        for (JsonNode op : ops) {
            runOp(op, config, context);
        }
    }

    private static void runOp(JsonNode op, ADict config, ViewContext context) {
        String key = op.has("key") ? op.get("key").stringValue() : null;
        switch (op.get("op").stringValue()) {
            case "set" -> config.set(key, ScopeVectors.java(op.get("value")));
            case "set_from" -> config.set(key, expression(op.get("expr").stringValue(), op.get("args"), config));
            case "set_if" -> {
                if (pythonEquals(config.get(op.get("if_key").stringValue()), ScopeVectors.java(op.get("equals")))) {
                    config.set(key, ScopeVectors.java(op.get("value")));
                } else if (op.has("else_value")) {
                    config.set(key, ScopeVectors.java(op.get("else_value")));
                }
            }
            case "if" -> {
                boolean holds = pythonEquals(config.get(op.get("if_key").stringValue()), ScopeVectors.java(op.get("equals")));
                JsonNode branch = op.get(holds ? "then" : "else");
                if (branch != null) {
                    run(branch, config, context);
                }
            }
            case "update" -> {
                Map<String, Object> value = asMap(ScopeVectors.java(op.get("value")));
                if (op.has("recurrent") && op.get("recurrent").booleanValue()) {
                    config.merge(value);
                } else {
                    config.update(value);
                }
            }
            case "delete" -> config.remove(key);
            case "incr" -> config.set(key, add(config.get(key), op.has("by") ? ScopeVectors.java(op.get("by")) : 1));
            case "append" -> config.getList(key).add(ScopeVectors.java(op.get("value")));
            case "read" -> Objects.requireNonNull(config.get(key) == null ? "" : "read");
            case "lazy" -> {
                JsonNode block = op.get("ops");
                Consumer<ADict> deferred = c -> run(block, c, context);
                context.defer(deferred);
            }
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
    }

    private static Object expression(String expr, JsonNode args, ADict config) {
        List<Object> values = new ArrayList<>();
        for (JsonNode arg : args) {
            if (arg.isString()) {
                values.add(config.get(arg.stringValue()));
            } else if (arg.isObject() && arg.has("lit")) {
                values.add(ScopeVectors.java(arg.get("lit")));
            } else {
                values.add(ScopeVectors.java(arg));
            }
        }
        Object a = values.get(0);
        Object b = values.size() > 1 ? values.get(1) : null;
        return switch (expr) {
            case "copy" -> a;
            case "add" -> add(a, b);
            case "sub" -> arithmetic(a, b, (x, y) -> x - y, (x, y) -> x - y);
            case "mul" -> arithmetic(a, b, (x, y) -> x * y, (x, y) -> x * y);
            case "div" -> ((Number) a).doubleValue() / ((Number) b).doubleValue();
            case "max" -> ((Number) a).doubleValue() >= ((Number) b).doubleValue() ? a : b;
            case "min" -> ((Number) a).doubleValue() <= ((Number) b).doubleValue() ? a : b;
            default -> throw new IllegalArgumentException("unknown expr " + expr);
        };
    }

    private static Object add(Object a, Object b) {
        return arithmetic(a, b, Long::sum, Double::sum);
    }

    /** Python arithmetic: int op int is an int, anything with a float is a float. */
    private static Object arithmetic(Object a, Object b, java.util.function.LongBinaryOperator ints,
                                     java.util.function.DoubleBinaryOperator floats) {
        if (a instanceof Double || b instanceof Double) {
            return floats.applyAsDouble(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return ints.applyAsLong(((Number) a).longValue(), ((Number) b).longValue());
    }

    /** Python's {@code ==}: numbers compare by value across int and float. */
    private static boolean pythonEquals(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && !(a instanceof Boolean) && !(b instanceof Boolean)) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
