package dev.ato.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every ato.* setting is in the generated configuration metadata with a description, so IDEs complete it. */
class ConfigurationMetadataTest {

    @Test
    void everyAtoPropertyIsDocumented() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        // main and test sources each have a metadata file (the test app's records are processed too)
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                JsonMapper.builder().build().readTree(in).get("properties")
                        .forEach(p -> properties.put(p.get("name").asString(), p));
            }
        }
        assertThat(properties).containsKeys("ato.enabled", "ato.scan-packages", "ato.command-line", "ato.project",
                "ato.sqlite.enabled", "ato.sqlite.path", "ato.sqlite.busy-timeout", "ato.sqlite.journal-mode",
                "ato.tracker.enabled", "ato.hyperband.lease", "ato.shell.enabled", "ato.shell.interactive",
                "ato.shell.lazy-one-shot", "management.endpoint.ato.show-values", "management.endpoint.ato.roles");
        properties.forEach((name, property) -> {
            if (name.startsWith("ato.") || name.startsWith("management.endpoint.ato.")) {
                assertThat(property.has("description")).as(name + " has a description").isTrue();
            }
        });
        assertThat(properties.get("ato.sqlite.path").get("defaultValue").asString()).isEqualTo("experiments.db");
    }
}
