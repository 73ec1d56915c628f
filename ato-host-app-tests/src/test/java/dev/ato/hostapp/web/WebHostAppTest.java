package dev.ato.hostapp.web;

import dev.ato.hostapp.HostDatabases;
import dev.ato.hostapp.HttpCalls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Web MVC application with the Actuator: its own endpoints work, a run is tracked, and every Actuator route shows
 * Ato with secrets masked at every depth (values, origins, command-line literals, the environment).
 */
class WebHostAppTest {

    private static final List<String> SECRETS = List.of("view-secret", "AKIA-VIEW", "tok-deep", "yml-secret",
            "cli-secret", "opt-secret");

    static Stream<Arguments> databases() {
        return HostDatabases.of("web");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theAppWorksAndEveryActuatorRouteMasksSecrets(String name, String url) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WebHostApp.class)
                .properties("server.port=0", "management.endpoints.web.exposure.include=ato,env,health,info,metrics",
                        "management.endpoint.ato.show-values=always", "management.endpoint.env.show-values=always",
                        "management.endpoint.health.show-details=always", "management.info.env.enabled=true")
                .run("--spring.datasource.url=" + url, "--config.aws.credentials.access_key_id=opt-secret",
                        "--config.lr=0.2", "db.password=cli-secret")) {
            HttpCalls http = new HttpCalls(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.get("/greet?name=Ada").body()).isEqualTo("hello Ada");
            assertThat(http.post("/train").statusCode()).isEqualTo(200);

            JsonNode config = json(http.get("/actuator/ato/config"));
            JsonNode keys = config.get("keys");
            assertThat(keys.get("lr").get("value").asDouble()).isEqualTo(0.2);
            assertThat(keys.get("db.password").get("value").asString()).isEqualTo("******");
            assertThat(keys.get("db.password").get("origin").asString())
                    .isEqualTo("command-line literal #0 'db.password=******'");
            assertThat(keys.get("aws.credentials.access_key_id").get("value").asString()).isEqualTo("******");
            assertThat(keys.get("aws.credentials.region").get("value").asString()).isEqualTo("******");
            assertThat(keys.get("model.layers").get("value").toString()).contains("64").contains("******");

            for (String route : List.of("/actuator/ato", "/actuator/ato/config", "/actuator/env",
                    "/actuator/env/config.db.password", "/actuator/env/config.aws.credentials.access_key_id",
                    "/actuator/info", "/actuator/health")) {
                HttpResponse<String> response = http.get(route);
                assertThat(response.statusCode()).as(route).isEqualTo(200);
                assertThat(response.body()).as(route).doesNotContain(SECRETS);
            }
            JsonNode health = json(http.get("/actuator/health"));
            assertThat(health.get("components").get("ato").get("status").asString()).isEqualTo("UP");
            JsonNode info = json(http.get("/actuator/info"));
            assertThat(info.get("ato").get("version").asString()).isNotBlank();
            assertThat(info.get("ato").get("scopes").get("config").get("structuralHash").asString())
                    .matches("[0-9a-f]{40}");
            JsonNode started = json(http.get("/actuator/metrics/ato.tracker.runs.started"));
            assertThat(started.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
            assertThat(http.get("/actuator/metrics/ato.tracker.metrics.batch.write").statusCode()).isEqualTo(200);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }
}
