package dev.ato.hostapp.security;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security protects the Actuator; {@code show-values: when-authorized} with role ADMIN shows values to the
 * admin only, an anonymous caller and a plain user see masks, and secrets stay masked for everyone.
 */
class SecuredHostAppTest {

    static Stream<Arguments> databases() {
        return HostDatabases.of("security");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void showValuesWhenAuthorizedIsHonoured(String name, String url) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SecuredHostApp.class)
                .properties("server.port=0", "management.endpoints.web.exposure.include=ato,env,health",
                        "management.endpoint.ato.show-values=when-authorized", "management.endpoint.ato.roles=ADMIN",
                        "management.endpoint.env.show-values=when-authorized", "management.endpoint.env.roles=ADMIN")
                .run("--spring.datasource.url=" + url)) {
            HttpCalls http = new HttpCalls(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.get("/me/train").statusCode()).as("the app's API needs a login").isEqualTo(401);
            assertThat(http.get("/me/train", "user", "user-pass").statusCode()).isEqualTo(200);

            JsonNode anonymous = keys(http.get("/actuator/ato/config"));
            assertThat(anonymous.get("lr").get("value").asString()).isEqualTo("******");
            JsonNode user = keys(http.get("/actuator/ato/config", "user", "user-pass"));
            assertThat(user.get("lr").get("value").asString()).isEqualTo("******");
            JsonNode admin = keys(http.get("/actuator/ato/config", "admin", "admin-pass"));
            assertThat(admin.get("lr").get("value").asDouble()).isEqualTo(0.1);
            assertThat(admin.get("db.password").get("value").asString()).isEqualTo("******");

            assertThat(http.get("/actuator/env").statusCode()).isEqualTo(401);
            HttpResponse<String> env = http.get("/actuator/env/config.lr", "admin", "admin-pass");
            assertThat(env.statusCode()).isEqualTo(200);
            assertThat(env.body()).contains("0.1");
            HttpResponse<String> secret = http.get("/actuator/env/config.db.password", "admin", "admin-pass");
            assertThat(secret.body()).contains("******").doesNotContain("view-secret");
            assertThat(http.get("/actuator/health", "admin", "admin-pass").statusCode()).isEqualTo(200);
        }
    }

    private static JsonNode keys(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).get("keys");
    }
}
