package dev.ato.autoconfigure.sanitize;

import dev.ato.autoconfigure.actuate.AtoEndpoint;
import dev.ato.autoconfigure.actuate.AtoEndpointAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ato.sanitize.Sanitizer.MASK;
import static org.assertj.core.api.Assertions.assertThat;

class AtoSanitizerAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AtoSanitizerAutoConfiguration.class));

    @Test
    void withoutActuatorTheSanitizerIsThereWithTheApplicationsRulesAndKeyPatterns() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .withUserConfiguration(OwnRule.class).withPropertyValues("ato.sanitize.key-patterns=iban,ssn")
                .run(context -> {
                    assertThat(context).hasSingleBean(Sanitizer.class).doesNotHaveBean(AtoSanitizingFunction.class)
                            .doesNotHaveBean(SanitizingFunctionRule.class);
                    Sanitizer sanitizer = context.getBean(Sanitizer.class);
                    assertThat(sanitizer.value("customer.iban", "DE00")).isEqualTo(MASK);
                    assertThat(sanitizer.value("customer.ssn.last4", "1234")).isEqualTo(MASK);
                    assertThat(sanitizer.value("customer.email", "a@b.c")).isEqualTo("<email>");
                    assertThat(sanitizer.value("aws.credentials.access_key_id", "AKIA")).isEqualTo(MASK);
                    assertThat(sanitizer.value("customer.name", "Ada")).isEqualTo("Ada");
                });
    }

    @Test
    void theApplicationsSanitizingFunctionBeansAreHonoured() {
        runner.withUserConfiguration(OwnFunction.class).run(context -> {
            Sanitizer sanitizer = context.getBean(Sanitizer.class);
            assertThat(sanitizer.value("customer.email", "a@b.c")).isEqualTo(MASK);
            assertThat(sanitizer.config(dev.ato.adict.ADict.auto().set("a.b.customer.email", "x")
                    .set("a.b.name", "n")).leaves()).isEqualTo(Map.of("a.b.customer.email", MASK, "a.b.name", "n"));
            assertThat(sanitizer.value("customer.name", "Ada")).isEqualTo("Ada");
        });
    }

    @Test
    void theApplicationsOwnSanitizerReplacesAtos() {
        runner.withBean(Sanitizer.class, Sanitizer::defaults).run(context ->
                assertThat(context).hasSingleBean(Sanitizer.class));
    }

    /** A real application: Ato's scope from external properties and command-line literals, the env endpoint. */
    @Test
    void envAndAtoEndpointsMaskSecretsAtEveryDepthInValuesOriginsAndTheJavaCommand() {
        String[] args = {"--config.db.password=hunter2", "--config.aws.credentials.access_key_id=AKIA1",
                "--config.lr=0.1", "--config.model.hidden=64", "--management.endpoints.web.exposure.include=ato",
                "--management.endpoint.ato.show-values=always",
                "model.hidden=128", "api.token=tok-1"};
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties("ato.sqlite.enabled=false", "ato.tracker.enabled=false",
                        "ato.shell.enabled=false", "other.password=not-atos")
                .initializers(c -> c.getEnvironment().getPropertySources().addLast(new MapPropertySource("jvm",
                        Map.of("sun.java.command", "app.jar --config.db.password=hunter2 --lr=0.1"))))
                .run(args)) {
            EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(),
                    context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
            List<PropertySourceDescriptor> sources = env.environment(null).getPropertySources();
            assertThat(shown(sources, "ato:", "config.db.password")).containsOnly(MASK);
            assertThat(shown(sources, "ato:", "config.aws.credentials.access_key_id")).containsOnly(MASK);
            assertThat(shown(sources, "ato:", "config.api.token")).containsOnly(MASK);
            assertThat(shown(sources, "ato:", "config.lr")).containsOnly(0.1);
            assertThat(shown(sources, "commandLineArgs", "config.db.password")).containsOnly(MASK);
            assertThat(shown(sources, "commandLineArgs", "config.aws.credentials.access_key_id")).containsOnly(MASK);
            assertThat(shown(sources, "jvm", "sun.java.command"))
                    .containsOnly("app.jar --config.db.password=" + MASK + " --lr=0.1");
            assertThat(shown(sources, "", "other.password")).as("other keys are the application's business")
                    .containsOnly("not-atos");

            AtoEndpoint ato = context.getBean(AtoEndpoint.class);
            var keys = ato.scope(SecurityContext.NONE, "config").keys();
            assertThat(keys.get("db.password").value()).isEqualTo(MASK);
            assertThat(keys.get("aws.credentials.access_key_id").value()).isEqualTo(MASK);
            assertThat(keys.get("api.token").value()).isEqualTo(MASK);
            assertThat(keys.get("api.token").origin()).isEqualTo("command-line literal #1 'api.token=" + MASK + "'");
            assertThat(keys.get("api.token").history()).allSatisfy(write -> {
                assertThat(write.value()).isEqualTo(MASK);
                assertThat(write.layer()).doesNotContain("tok-1");
            });
            assertThat(keys.get("model.hidden").origin()).isEqualTo("command-line literal #0 'model.hidden=128'");
            assertThat(keys.get("model.hidden").value()).isEqualTo(128);
            assertThat(ato.scope(SecurityContext.NONE, "config").layers())
                    .noneSatisfy(layer -> assertThat(layer.name()).contains("tok-1"));

            AtoEndpoint hiding = new AtoEndpoint(context.getBean(AtoScopes.class), context.getBean(Sanitizer.class),
                    Show.NEVER, Set.of());
            var hidden = hiding.scope(SecurityContext.NONE, "config").keys().get("model.hidden");
            assertThat(hidden.value()).isEqualTo(MASK);
            assertThat(hidden.origin()).isEqualTo("command-line literal #0 'model.hidden=" + MASK + "'");
        }
    }

    private static List<Object> shown(List<PropertySourceDescriptor> sources, String sourcePrefix, String key) {
        return sources.stream().filter(s -> s.getName().startsWith(sourcePrefix))
                .filter(s -> s.getProperties().containsKey(key))
                .map(s -> (Object) s.getProperties().get(key).getValue()).toList();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AtoSanitizerAutoConfiguration.class, AtoScopeAutoConfiguration.class,
            AtoEndpointAutoConfiguration.class})
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRule {

        @Bean
        Sanitizer.Rule emailRule() {
            return (key, value) -> key.endsWith("email") ? "<email>" : value;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFunction {

        @Bean
        SanitizingFunction emailFunction() {
            return SanitizingFunction.sanitizeValue().ifKeyEndsWith("email");
        }
    }
}
