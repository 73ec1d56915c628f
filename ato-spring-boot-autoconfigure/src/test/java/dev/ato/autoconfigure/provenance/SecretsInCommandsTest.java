package dev.ato.autoconfigure.provenance;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that prints config values ({@code print}, {@code why}, {@code runs show}, {@code runs diff},
 * {@code runs list}) shows no secret, whether it came from application.yml, an option, a literal, or a run's config
 * stored in clear by an older release, at several depths.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsInCommandsTest {

    private static final List<String> SECRETS = List.of("yml-secret", "opt-secret", "cli-secret", "arg-secret",
            "stored-secret", "AKIA-STORED", "tok-stored");

    private ConfigurableApplicationContext context;
    private long first;
    private long second;

    @BeforeAll
    void start() {
        context = new SpringApplicationBuilder(ProvenanceApp.class).web(WebApplicationType.NONE)
                .run("--spring.config.name=provenance", "--config.aws.credentials.access_key_id=opt-secret",
                        "--ato.sqlite.path=target/secrets-commands/experiments.db", "api.token=cli-secret");
        Tracker tracker = context.getBean(Tracker.class);
        tracker.storeConfigsThrough(null); // as an older release stored them: in clear
        try {
            first = stored(tracker, "stored-secret", 0.1, null);
            second = stored(tracker, "stored-secret-2", 0.2, "login refused with password stored-secret-2");
        } finally {
            tracker.storeConfigsThrough(context.getBean(Sanitizer.class));
        }
    }

    private static long stored(Tracker tracker, String password, double lr, String failure) {
        ADict config = ADict.auto().set("lr", lr).set("db.password", password)
                .set("aws.credentials.access_key_id", "AKIA-STORED")
                .set("model.layers", List.of(Map.of("width", 64, "api_token", "tok-stored")));
        RunHandle run = tracker.start("secrets", config);
        if (failure != null) {
            run.recordFailure(new IllegalStateException(failure));
        }
        run.close();
        return run.id();
    }

    @AfterAll
    void stop() {
        context.close();
    }

    @Test
    void printShowsNoSecretInAnyFormat() throws Exception {
        for (List<String> args : List.of(List.<String>of(), List.of("--format", "json"), List.of("--format", "yaml"),
                List.of("db.password=arg-secret"))) {
            String out = shell("print", args.toArray(String[]::new));
            assertThat(out).as("print " + args).contains("lr").doesNotContain(SECRETS);
        }
    }

    @Test
    void whyShowsNoSecretInValuesOrOrigins() throws Exception {
        for (String key : List.of("db.password", "aws.credentials.access_key_id", "db")) {
            assertThat(shell("why", key)).as("why " + key).contains("******").doesNotContain(SECRETS);
        }
        assertThat(shell("why", "api.token", "api.token=arg-secret")).contains("api.token=******")
                .doesNotContain(SECRETS);
    }

    @Test
    void runsCommandsMaskConfigsStoredInClear() throws Exception {
        String show = shell("runs", "show", Long.toString(second));
        assertThat(show).contains("******", "width").doesNotContain(SECRETS).doesNotContain("stored-secret-2");
        String diff = shell("runs", "diff", Long.toString(first), Long.toString(second));
        assertThat(diff).contains("lr").doesNotContain(SECRETS);
        assertThat(shell("runs", "list", "--project", "secrets")).doesNotContain(SECRETS);
    }

    private String shell(String command, String... args) throws Exception {
        StringWriter out = new StringWriter();
        int code = context.getBean(AtoShellRunner.class).execute(command, List.of(args), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }
}
