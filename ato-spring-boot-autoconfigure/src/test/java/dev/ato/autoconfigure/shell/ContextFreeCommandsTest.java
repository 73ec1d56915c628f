package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.shell.early.db.DatabaseApp;
import dev.ato.autoconfigure.shell.early.plain.PlainApp;
import dev.ato.autoconfigure.shell.early.rule.RuleApp;
import dev.ato.autoconfigure.shell.early.source.SourceApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ContextFreeCommands} answers {@code manual}, {@code print}, {@code why}, {@code help} and an unknown word
 * before any context exists, with the context's answer; it stands aside (the context answers) for every other
 * command, for a job run, when switched off, and when the application's classes hold something only the context
 * accounts for: a sanitizing bean or a {@code @PropertySource}.
 */
class ContextFreeCommandsTest {

    /** Spring options given before the command on every line: an option layer, a database nobody opens. */
    private static final List<String> OPTIONS = List.of("--config.name=from-option",
            "--ato.sqlite.path=target/context-free/experiments.db", "--spring.main.web-application-type=none");

    @ParameterizedTest
    @ValueSource(strings = {"print", "print fast config.lr=0.25", "print --format json", "why lr", "why lr fast",
            "manual", "manual fast", "help", "help greet", "help runs best", "greet --help", "manul", "print lr=[1,",
            "why nothing.here", "print --format xml", "runs list", "runs list --format json", "runs best --metric acc",
            "runs show 5", "runs --help", "help runs list", "runs nothing"})
    void answersBeforeTheContextWhatTheContextAnswers(String line) {
        List<String> words = Arrays.asList(line.split(" "));
        Answer early = early(PlainApp.class, words);

        assertThat(early.code()).as(line).isPresent();
        try (ConfigurableApplicationContext context = context(PlainApp.class)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = context.getBean(AtoShellRunner.class).execute(words.get(0), words.subList(1, words.size()),
                    new PrintWriter(out), new PrintWriter(err));
            assertThat(early.code().getAsInt()).as(line).isEqualTo(code);
            assertThat(early.out()).as(line).isEqualTo(out.toString());
            assertThat(early.err()).as(line).isEqualTo(err.toString());
        }
        assertThat(early.out()).doesNotContain("tok-in-a-view");
    }

    @Test
    void theAnswerHasTheOptionLayerAndMasksSecrets() {
        Answer print = early(PlainApp.class, List.of("print", "--format", "json"));

        assertThat(print.out()).contains("\"name\" : \"from-option\"", "\"api_token\" : \"******\"");
        assertThat(early(PlainApp.class, List.of("why", "name")).out()).contains("command-line option --config.name");
    }

    @Test
    void springPropertiesAfterTheCommandAreLayersNotOptions() {
        Answer why = early(PlainApp.class, List.of("why", "name", "--config.name=late", "--spring.main.banner-mode=off"));

        assertThat(why.code()).hasValue(0);
        assertThat(why.out()).contains("command-line option --config.name", "late");
        assertThat(CommandExecutor.isSpringProperty("--format=json")).isFalse();
        assertThat(CommandExecutor.isSpringProperty("--a.b")).isTrue();
        assertThat(CommandExecutor.isSpringProperty("--.x=1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"version", "greet", "fast", "config.lr=0.3", "dashboard --port 0", "tune run x"})
    void commandsThatNeedBeansAndJobRunsGoToTheContext(String line) {
        assertThat(early(PlainApp.class, Arrays.asList(line.split(" "))).code()).as(line).isEmpty();
        assertThat(early(PlainApp.class, List.of()).code()).isEmpty();
    }

    @Test
    void theRunsOfAnApplicationWithItsOwnDatabaseAreReadByItsContext() {
        assertThat(early(DatabaseApp.class, List.of("runs", "list")).code()).isEmpty();
        assertThat(early(DatabaseApp.class, List.of("print")).code()).isPresent();
        assertThat(early(PlainApp.class, List.of("--spring.datasource.url=jdbc:sqlite:target/context-free/x.db", "runs",
                "list")).code()).as("a configured URL is not the embedded default").isEmpty();
    }

    @Test
    void anExcludedAutoConfigurationOfAtoLeavesHelpToTheContext() {
        assertThat(early(PlainApp.class, List.of("--spring.autoconfigure.exclude="
                + "dev.ato.autoconfigure.hyperopt.AtoHyperBandAutoConfiguration", "help")).code()).isEmpty();
        assertThat(early(PlainApp.class, List.of("--spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.jmx.JmxAutoConfiguration", "help")).code()).isPresent();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void badInputThatStopsTheContextNamesNoSecretInTheExceptionNorInTheLog(CapturedOutput output) {
        List<String> args = new ArrayList<>(OPTIONS);
        args.add("api_token=[hunter2,");
        SpringApplication application = new SpringApplication(PlainApp.class);

        assertThatThrownBy(() -> application.run(args.toArray(String[]::new))).satisfies(failure -> {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2");
            }
            assertThat(failure).hasMessageContaining("api_token=******");
        });
        assertThat(output.getAll()).doesNotContain("hunter2");
    }

    @Test
    void switchedOffTheContextAnswers() {
        List<String> words = new ArrayList<>(List.of("--ato.shell.context-free=false", "print"));
        assertThat(early(PlainApp.class, words).code()).isEmpty();
    }

    @Test
    void anApplicationThatSanitizesWithItsOwnBeanIsAnsweredByItsContext() {
        assertThat(early(RuleApp.class, List.of("print")).code()).isEmpty();
        try (ConfigurableApplicationContext context = context(RuleApp.class)) {
            StringWriter out = new StringWriter();
            context.getBean(AtoShellRunner.class).execute("print", List.of(), new PrintWriter(out),
                    new PrintWriter(new StringWriter()));
            assertThat(out.toString()).as("what an early answer would have leaked").contains("name: ******")
                    .doesNotContain("private-name");
        }
    }

    @Test
    void aPropertySourceOnlyTheContextReadsSendsTheCommandToTheContext() {
        assertThat(early(SourceApp.class, List.of("why", "lr")).code()).isEmpty();
        try (ConfigurableApplicationContext context = context(SourceApp.class)) {
            StringWriter out = new StringWriter();
            context.getBean(AtoShellRunner.class).execute("print", List.of(), new PrintWriter(out),
                    new PrintWriter(new StringWriter()));
            assertThat(out.toString()).contains("lr: 0.7");
        }
    }

    /** A real run of {@code app} with the hook installed, as {@code AtoApplication.run} installs it. */
    private static Answer early(Class<?> app, List<String> words) {
        List<String> args = new ArrayList<>(OPTIONS);
        args.addAll(words);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ContextFreeCommands hook = new ContextFreeCommands(args.toArray(String[]::new), new PrintWriter(out, true),
                new PrintWriter(err, true));
        try {
            SpringApplication.withHook(application -> new StopBeforeTheContext(hook.getRunListener(application)),
                    () -> new SpringApplication(app).run(args.toArray(String[]::new)));
        } catch (SpringApplication.AbandonedRunException answeredOrStopped) {
            // either the hook answered, or the run reached the context, which these tests do not start
        }
        return new Answer(hook.exitCode(), out.toString(), err.toString());
    }

    private static ConfigurableApplicationContext context(Class<?> app) {
        SpringApplication application = new SpringApplication(app);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(OPTIONS.toArray(String[]::new));
    }

    private record Answer(OptionalInt code, String out, String err) {
    }

    /** The hook's listener, and a stop where the application context would start. */
    private record StopBeforeTheContext(SpringApplicationRunListener hook) implements SpringApplicationRunListener {

        @Override
        public void environmentPrepared(ConfigurableBootstrapContext bootstrap, ConfigurableEnvironment environment) {
            hook.environmentPrepared(bootstrap, environment);
        }

        @Override
        public void contextPrepared(ConfigurableApplicationContext context) {
            throw new SpringApplication.AbandonedRunException(context);
        }
    }
}
