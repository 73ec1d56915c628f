package dev.ato.hydra;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Application resolvers ({@link Resolvers#with}), the remaining OmegaConf built-ins and {@code ${hydra:...}}. */
class ResolversTest {

    @TempDir
    Path dir;

    private void file(String name, String content) throws Exception {
        ConfigTree.write(dir, name, content);
    }

    private Map<String, Object> resolve(Resolvers resolvers) {
        return Hydra.composition(dir, "config", List.of()).resolve(ZonedDateTime.now(), Map.of(), resolvers).toMap();
    }

    @Test
    void sam2TrainingConfigResolvesWithTheResolversSam2Registers() throws Exception {
        JsonNode c;
        Path folder = Path.of(getClass().getResource("/conformance/hydra-wild").toURI());
        try (InputStream in = getClass().getResourceAsStream("/conformance/hydra-wild/cases.json")) {
            JsonNode all = JsonMapper.builder().build().readTree(in);
            c = null;
            for (JsonNode x : all.get("cases")) {
                if (x.get("name").asString().equals("sam2/train_mose_finetune")) {
                    c = x;
                }
            }
        }
        Objects.requireNonNull(c);
        // sam2's training/utils/train_utils.py: times = product of all arguments, divide = x / y
        Resolvers sam2 = Resolvers.standard()
                .with("times", args -> {
                    boolean floats = args.stream().anyMatch(a -> a instanceof Double);
                    double product = 1;
                    for (Object a : args) {
                        product *= ((Number) a).doubleValue();
                    }
                    return floats ? (Object) product : (Object) (long) product;
                })
                .with("divide", args -> ((Number) args.get(0)).doubleValue() / ((Number) args.get(1)).doubleValue());
        Composition composition = Hydra.composition(folder.resolve(c.get("tree_dir").asString()),
                c.get("config_name").asString(), List.of());
        assertThatThrownBy(() -> composition.resolve(ZonedDateTime.now(), Map.of()))
                .hasMessageContaining("Unsupported interpolation type times")
                .hasMessageContaining("Resolvers.standard().with(\"times\"");
        HydraConformanceTest.assertSame(c.get("result_resolved_with_app_resolvers"),
                composition.resolve(ZonedDateTime.now(), Map.of(), sam2).toMap(), "");
    }

    @Test
    void argumentsArriveResolvedAndTypedAsOmegaConfTypesThem() throws Exception {
        file("config.yaml", "x: 7\nout: \"${show:1, 0.5, true, null, abc, 'q r', [1, 2], {a: 1}, ${x}}\"\n"
                + "text: n=${show:${x}}\n");
        List<Object> seen = new ArrayList<>();
        Resolvers resolvers = Resolvers.standard().with("show", args -> {
            seen.addAll(args);
            return args.size();
        });
        Map<String, Object> cfg = resolve(resolvers);
        assertThat(cfg.get("out")).isEqualTo(9);
        assertThat(cfg.get("text")).isEqualTo("n=1");
        List<Object> expected = new ArrayList<>(List.of(1, 0.5, true));
        expected.add(null);
        expected.addAll(List.of("abc", "q r", List.of(1, 2), Map.of("a", 1), 7, 7));
        assertThat(seen).isEqualTo(expected);
        assertThat(seen.get(8)).isInstanceOf(Integer.class);
    }

    @Test
    void registryIsImmutableAndGuardsItsNames() {
        Resolvers one = Resolvers.standard().with("eq", args -> Objects.equals(args.get(0), args.get(1)));
        assertThat(Resolvers.standard().names()).isEmpty();
        assertThat(one.names()).containsExactly("eq");
        assertThatThrownBy(() -> one.with("eq", args -> null)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'eq' is already registered");
        assertThatThrownBy(() -> one.with("oc.env", args -> null)).hasMessageContaining("built in");
        assertThatThrownBy(() -> one.with("hydra", args -> null)).hasMessageContaining("withHydraRuntime");
        assertThatThrownBy(() -> one.with("no spaces", args -> null)).hasMessageContaining("not a resolver name");
        assertThat(one.with("my.div_up", args -> 1).names()).containsExactly("eq", "my.div_up");
    }

    @Test
    void aFailingResolverIsAHydraExceptionNamingItAndTheKey() throws Exception {
        file("config.yaml", "a:\n  b: ${boom:1}\n");
        Resolvers resolvers = Resolvers.standard().with("boom", args -> {
            throw new IllegalStateException("no luck");
        });
        assertThatThrownBy(() -> resolve(resolvers)).isInstanceOfSatisfying(HydraException.class, e -> {
            assertThat(e.kind()).isEqualTo(HydraException.Kind.INTERPOLATION_RESOLUTION);
            assertThat(e.keyPath()).isEqualTo("a.b");
            assertThat(e.getMessage()).contains("resolver 'boom'").contains("no luck").contains("config.yaml");
        });
    }

    @Test
    void composeTakesTheRegistry() throws Exception {
        file("config.yaml", "n: 10\nbatches: ${div_up:${n}, 3}\nsame: ${eq:${n}, 10}\n");
        Resolvers resolvers = Resolvers.standard()
                .with("div_up", args -> (((Number) args.get(0)).intValue() + ((Number) args.get(1)).intValue() - 1)
                        / ((Number) args.get(1)).intValue())
                .with("eq", args -> Objects.equals(args.get(0), args.get(1)));
        assertThat(Hydra.compose(dir, "config", List.of("n=11"), resolvers).toMap())
                .isEqualTo(Map.of("n", 11, "batches", 4, "same", false));
    }

    @Test
    void remainingOmegaConfBuiltIns() throws Exception {
        file("config.yaml", "workers:\n  a: 1\n  b: ${x}\nx: 2\nkeys: ${oc.dict.keys:workers}\n"
                + "values: ${oc.dict.values:workers}\nold: ${oc.deprecated:x}\n"
                + "made: \"${oc.create:'{p: 1, q: [2, 3]}'}\"\nmade_list: \"${oc.create:[1, ${x}]}\"\n");
        Map<String, Object> cfg = resolve(Resolvers.standard());
        assertThat(cfg.get("keys")).isEqualTo(List.of("a", "b"));
        assertThat(cfg.get("values")).isEqualTo(List.of(1, 2));
        assertThat(cfg.get("old")).isEqualTo(2);
        assertThat(cfg.get("made")).isEqualTo(Map.of("p", 1, "q", List.of(2, 3)));
        assertThat(cfg.get("made_list")).isEqualTo(List.of(1, 2));
        file("config.yaml", "x: 2\nkeys: ${oc.dict.keys:x}\n");
        assertThatThrownBy(() -> resolve(Resolvers.standard())).hasMessageContaining("oc.dict.keys needs the key"
                + " of a dict");
        file("config.yaml", "bad: ${oc.create:plain}\n");
        assertThatThrownBy(() -> resolve(Resolvers.standard())).hasMessageContaining("oc.create needs a dict");
    }

    @Test
    void hydraRuntimeValuesFromAMap() throws Exception {
        file("config.yaml", "out: ${hydra:runtime.output_dir}/ckpt\njob: ${hydra:job.name}\n");
        assertThatThrownBy(() -> resolve(Resolvers.standard())).isInstanceOf(HydraException.class)
                .hasMessageContaining("${hydra:runtime.output_dir}").hasMessageContaining("withHydraRuntime");
        Map<String, Object> runtime = new HashMap<>();
        runtime.put("runtime", Map.of("output_dir", "/srv/out"));
        runtime.put("job.name", "train");
        assertThat(resolve(Resolvers.standard().withHydraRuntime(runtime)))
                .isEqualTo(Map.of("out", "/srv/out/ckpt", "job", "train"));
        assertThatThrownBy(() -> resolve(Resolvers.standard().withHydraRuntime(Map.of("runtime",
                new LinkedHashMap<>())))).hasMessageContaining("has no 'runtime.output_dir'");
    }
}
