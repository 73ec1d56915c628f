package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.scope.Layer;
import dev.ato.scope.LayerKind;
import dev.ato.scope.Resolution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Hydra tree (the rcl tree of the conformance vectors) backing the scope {@code rcl} of a real Spring Boot
 * application: {@code ato.hydra.rcl.config-dir/config-name}; on the command line {@code rcl.run@_global_=teacher_rcl}
 * selects a group option and {@code rcl.gradient_accumulation_steps=8} fills the tree's mandatory value, while
 * {@code rcl.seed=7} stays an Ato literal. Each file of Hydra's merge order is a base layer, in the scope's
 * resolution, {@code manual}, {@code why}, {@code /actuator/ato} and {@code /actuator/env}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = {"rcl.run@_global_=teacher_rcl", "rcl.gradient_accumulation_steps=8", "rcl.seed=7"},
        properties = {"ato.hydra.rcl.config-dir=src/test/resources/conformance/hydra/rcl/configs",
                "ato.hydra.rcl.config-name=train", "ato.sqlite.path=target/testapp/hydra-scope.db",
                "ato.project=hydra-scope", "management.endpoints.web.exposure.include=ato,env",
                "management.endpoint.ato.show-values=always", "management.endpoint.env.show-values=always"})
class HydraScopeTest {

    private static final List<String> FILES = List.of("train.yaml", "model/base.yaml", "model/qwen3_8b.yaml",
            "data/arc_atlas_rl.yaml", "trainer/base.yaml", "trainer/grpo.yaml", "trainer/reward/adaptive_teaching.yaml",
            "trainer/teacher_grpo.yaml", "run/teacher_rcl.yaml");

    @Autowired
    AtoScopes scopes;

    @Autowired
    @Qualifier("rcl")
    ADict rcl;

    @Value("${rcl.learning_rate}")
    double learningRate;

    @Autowired
    AtoShellRunner runner;

    @LocalServerPort
    int port;

    @Test
    void theTreesCompositionIsTheScopesBaseWithOneLayerPerFile() {
        Resolution resolution = scopes.resolution("rcl");
        List<String> base = resolution.layers().stream().filter(l -> l.kind() == LayerKind.BASE)
                .map(Layer::name).toList();
        List<String> expected = new ArrayList<>(FILES);
        expected.add("command line");
        expected.add("interpolation");
        assertThat(base).isEqualTo(expected);
        // the group word chose run/teacher_rcl; the mandatory value went to Hydra; seed=7 is an Ato literal
        assertThat(rcl.get("gradient_accumulation_steps")).isEqualTo(8);
        assertThat(rcl.get("learning_rate")).isEqualTo(1e-06);
        assertThat(learningRate).isEqualTo(1e-06);
        assertThat(rcl.get("seed")).isEqualTo(7);
        assertThat(resolution.origin("seed").describe()).contains("rcl.seed=7");
        assertThat(resolution.history("seed").get(0).describe()).contains("train.yaml");
        // interpolations were resolved in the base: no ${...} left
        assertThat(String.valueOf(rcl.get("wandb_group_name"))).doesNotContain("${");
        // the other scopes are unchanged
        assertThat(scopes.names()).contains("train", "model", "rcl");
    }

    @Test
    void anotherGroupOptionOnAShellCommandLine() {
        Resolution sft = scopes.resolve(List.of("rcl.run@_global_=teacher_sft", "rcl.gradient_accumulation_steps=4"))
                .get("rcl");
        assertThat(sft.layers().stream().map(Layer::name)).contains("run/teacher_sft.yaml")
                .doesNotContain("run/teacher_rcl.yaml");
        assertThat(sft.config().get("gradient_accumulation_steps")).isEqualTo(4);
    }

    @Test
    void manualListsEachFileBeforeTheViewsAndWhyNamesTheFile() throws Exception {
        String manual = shell("manual");
        assertThat(manual).contains("[Scope \"rcl\"]");
        String order = manual.substring(manual.indexOf("[Scope \"rcl\"]"));
        assertThat(order).contains("train.yaml \u2192 model/base.yaml \u2192 model/qwen3_8b.yaml");
        String why = shell("why", "rcl.learning_rate", "rcl.run@_global_=teacher_rcl",
                "rcl.gradient_accumulation_steps=8", "rcl.learning_rate=0.5");
        assertThat(why).contains("trainer/base.yaml").contains("rcl.learning_rate=0.5");
        assertThat(why.indexOf("trainer/base.yaml")).isLessThan(why.indexOf("rcl.learning_rate=0.5"));
    }

    @Test
    void actuatorShowsTheSameLayers() throws Exception {
        JsonNode rclScope = json("/actuator/ato").get("scopes").get("rcl");
        List<String> layers = new ArrayList<>();
        rclScope.get("layers").forEach(layer -> layers.add(layer.get("name").asString()));
        assertThat(layers).startsWith(FILES.toArray(String[]::new));
        List<String> sources = new ArrayList<>();
        json("/actuator/env").get("propertySources").forEach(s -> sources.add(s.get("name").asString()));
        assertThat(sources).anyMatch(n -> n.startsWith("ato:rcl:") && n.endsWith(":base:train.yaml"))
                .anyMatch(n -> n.startsWith("ato:rcl:") && n.endsWith(":base:run/teacher_rcl.yaml"));
    }

    private String shell(String command, String... args) throws Exception {
        StringWriter out = new StringWriter();
        int code = runner.execute(command, List.of(args), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
