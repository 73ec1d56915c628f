package dev.ato.autoconfigure.provenance;

import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertyValueDescriptor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.ato.sanitize.Sanitizer.MASK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every external source that set a key is a step of its history, oldest first, named for people; lists are indexed
 * properties of the Environment; {@code /actuator/env} shows the file and line of an external value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalProvenanceTest {

    private ConfigurableApplicationContext context;
    private String startupLog;

    @BeforeAll
    void start() {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> variables = new HashMap<>(System.getenv());
        variables.put("CONFIG_LR", "0.2");
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        System.setProperty("config.lr", "0.25");
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            context = new SpringApplicationBuilder(ProvenanceApp.class).web(WebApplicationType.NONE)
                    .environment(environment)
                    .run("--spring.config.name=provenance", "--spring.profiles.active=prod", "--config.lr=0.3",
                            "--ato.sqlite.path=target/provenance/experiments.db", "lr=0.4");
        } finally {
            System.setOut(console);
            System.clearProperty("config.lr");
        }
        startupLog = captured.toString(StandardCharsets.UTF_8);
        console.print(startupLog);
    }

    @Test
    void noJLineWarningWithoutATerminal() {
        assertThat(startupLog).contains("The following 1 profile is active").doesNotContain("Unable to create a system terminal");
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void everyExternalSourceIsAStepOldestFirstWithReadableNames() {
        Resolution resolution = context.getBean("configResolution", Resolution.class);
        List<Origin> history = resolution.history("lr");
        assertThat(history).extracting(Origin::describe).containsExactly("view 'defaults'",
                "external property from 'provenance.yml:2'", "external property from 'provenance-prod.yml:2'",
                "external property from 'environment variable CONFIG_LR'",
                "external property from 'system property config.lr'",
                "external property from 'command-line option --config.lr'", "command-line literal #0 'lr=0.4'");
        assertThat(history).extracting(Origin::value).containsExactly(0.01, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4);
        assertThat(resolution.origin("lr").describe()).isEqualTo("command-line literal #0 'lr=0.4'");
        assertThat(resolution.history("model.hidden")).extracting(Origin::describe, Origin::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("view 'defaults'", List.of(8)),
                org.assertj.core.groups.Tuple.tuple("external property from 'provenance.yml:4'", List.of(64, 32)));
    }

    @Test
    void listsAreIndexedPropertiesOfTheEnvironment() {
        assertThat(context.getEnvironment().getProperty("config.model.hidden[0]", Integer.class)).isEqualTo(64);
        assertThat(context.getEnvironment().getProperty("config.model.hidden[1]", Integer.class)).isEqualTo(32);
        assertThat(context.getBean(ProvenanceApp.FirstHidden.class).value).isEqualTo(64);
        assertThat(context.getEnvironment().getProperty("config.lr", Double.class)).isEqualTo(0.4);
    }

    @Test
    void whyListsEveryStepOnOneLineEach() throws Exception {
        // why resolves again now: the system property is gone (cleared after start-up), the literal is not given
        String why = shell("why", "lr");
        System.out.println(why);
        assertThat(why.lines()).containsSubsequence(
                "config.lr",
                "  1. view 'defaults'                          lr = 0.01",
                "  2. external property from 'provenance.yml:2' lr = 0.1",
                "  3. external property from 'provenance-prod.yml:2' lr = 0.15",
                "  4. external property from 'environment variable CONFIG_LR' lr = 0.2",
                "  5. external property from 'command-line option --config.lr' lr = 0.3",
                "  final: external property from 'command-line option --config.lr'");
        String hidden = shell("why", "model.hidden");
        System.out.println(hidden);
        assertThat(hidden.lines()).containsSubsequence("config.model.hidden",
                "  1. view 'defaults'                          model.hidden = [8]",
                "  2. external property from 'provenance.yml:4' model.hidden = [64, 32]");
    }

    @Test
    void actuatorEnvShowsTheFileAndLineOfAnExternalValueAndMasksItsSecrets() {
        EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(),
                context.getBeanProvider(SanitizingFunction.class).orderedStream().toList(), Show.ALWAYS);
        List<PropertySourceDescriptor> sources = env.environment(null).getPropertySources();
        PropertyValueDescriptor hidden = property(sources, "ato:config:1:external", "config.model.hidden[0]");
        assertThat(hidden.getValue()).isEqualTo(64);
        assertThat(hidden.getOrigin()).isEqualTo("external property from 'provenance.yml:4' of scope 'config'");
        assertThat(hidden.getOriginParents()).singleElement().asString()
                .startsWith("class path resource [provenance.yml] - 4:");
        PropertyValueDescriptor lr = property(sources, "ato:config:1:external", "config.lr");
        assertThat(lr.getOrigin()).isEqualTo("external property from 'command-line option --config.lr' of scope "
                + "'config'");
        assertThat(property(sources, "ato:config:2:cli", "config.lr").getOrigin())
                .isEqualTo("command-line literal #0 of scope 'config'");
        assertThat(property(sources, "ato:config:1:external", "config.db.password").getValue()).isEqualTo(MASK);
        assertThat(property(sources, "Config resource 'class path resource [provenance.yml]'", "config.db.password")
                .getValue()).isEqualTo(MASK);
    }

    private static PropertyValueDescriptor property(List<PropertySourceDescriptor> sources, String source,
                                                    String key) {
        return sources.stream().filter(s -> s.getName().startsWith(source))
                .filter(s -> s.getProperties() != null && s.getProperties().containsKey(key))
                .map(s -> s.getProperties().get(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " in a source named " + source + "…; sources: "
                        + sources.stream().map(PropertySourceDescriptor::getName).toList()));
    }

    private String shell(String command, String... args) throws Exception {
        StringWriter out = new StringWriter();
        int code = context.getBean(AtoShellRunner.class).execute(command, List.of(args), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }
}
