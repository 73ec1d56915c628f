package dev.ato.autoconfigure.testapp;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/ato} and {@code /actuator/env} over HTTP, with show-values=always (secrets still masked). */
@TwoScopeApp
class AtoEndpointHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Test
    void listsEveryScopeWithOrderOriginsHistoryManualAndHash() throws Exception {
        JsonNode train = json("/actuator/ato").get("scopes").get("train");
        List<String> layers = new ArrayList<>();
        train.get("layers").forEach(layer -> layers.add(layer.get("name").asString() + "/" + layer.get("kind").asString()));
        assertThat(layers).containsExactly("defaults/VIEW", "high_lr/VIEW", "external/EXTERNAL", "cli/CLI",
                "steps/LAZY_VIEW");
        JsonNode lr = train.get("keys").get("lr");
        assertThat(lr.get("value").asDouble()).isEqualTo(1.0);
        assertThat(lr.get("origin").asString()).isEqualTo("view 'high_lr'");
        assertThat(lr.get("history")).hasSize(2);
        assertThat(train.get("keys").has("dropout")).isFalse();
        assertThat(train.get("manual").get("lr").asString()).isEqualTo("learning rate");
        assertThat(train.get("structuralHash").asString()).matches("[0-9a-f]{40}");
    }

    @Test
    void secretLookingKeysAreMaskedEvenWhenValuesAreShown() throws Exception {
        JsonNode token = json("/actuator/ato/train").get("keys").get("api_token");
        assertThat(token.get("value").asString()).isEqualTo("******");
        assertThat(token.get("history").get(0).get("value").asString()).isEqualTo("******");
    }

    @Test
    void oneScopeByNameAndNotFoundForAnUnknownScope() throws Exception {
        assertThat(json("/actuator/ato/model").get("keys").get("name").get("value").asString()).isEqualTo("resnet50");
        assertThat(get("/actuator/ato/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void actuatorEnvListsTheLayersInMergeOrderWithOriginsNamingTheViews() throws Exception {
        JsonNode sources = json("/actuator/env").get("propertySources");
        List<String> names = new ArrayList<>();
        sources.forEach(source -> names.add(source.get("name").asString()));
        names.remove("server.ports"); // added once the server runs; it holds only local.server.port
        assertThat(names.subList(0, 6)).containsExactly("ato:train:4:lazy_view:steps", "ato:train:3:cli:cli",
                "ato:train:2:external:external", "ato:train:1:view:high_lr", "ato:train:0:view:defaults",
                "ato:model:0:view:base");
        JsonNode highLr = null;
        for (JsonNode source : sources) {
            if (source.get("name").asString().equals("ato:train:1:view:high_lr")) {
                highLr = source.get("properties").get("train.lr");
            }
        }
        assertThat(highLr.get("value").asDouble()).isEqualTo(1.0);
        assertThat(highLr.get("origin").asString()).isEqualTo("view 'high_lr' of scope 'train'");
    }
}
