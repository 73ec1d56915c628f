package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import dev.ato.tracker.TrackerOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application started the way {@code java -jar app.jar <command> …} starts it: every help form, every
 * class of error (exit code and first line), and the JSON outputs parsed as JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
class OneShotCommandLineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path directory;

    private static String database;

    record Outcome(int exitCode, String out, String err, ConfigurableApplicationContext context) {
    }

    @BeforeAll
    static void runs() {
        database = directory.resolve("experiments.db").toString();
        try (Tracker tracker = Tracker.open("jdbc:sqlite:" + database, TrackerOptions.defaults())) {
            for (int i = 1; i <= 12; i++) {
                try (RunHandle run = tracker.start("cli", ADict.of(Map.of("lr", 0.1 * i, "depth", 3)),
                        i % 2 == 0 ? "even" : "odd")) {
                    run.logMetric("acc", i / 20.0, 1);
                    if (i == 12) {
                        run.recordFailure(new IllegalStateException("diverged"));
                    }
                }
            }
            try (RunHandle run = tracker.start("secrets", ADict.of(Map.of("lr", 1, "db",
                    Map.of("password", "hunter2", "url", "postgres://app:hunter2@db/x"))))) {
                run.recordFailure(new IllegalStateException("login with db.password=hunter2 failed"));
            }
            try (RunHandle run = tracker.start("two-metrics", ADict.of(Map.of("lr", 1)))) {
                run.logMetric("acc", 0.5, 1);
                run.logMetric("loss", 0.2, 1);
            }
        }
    }

    private static Outcome run(CapturedOutput output, String... args) {
        int out = output.getOut().length();
        int err = output.getErr().length();
        List<String> all = new ArrayList<>(List.of("--ato.sqlite.path=" + database, "--ato.project=cli"));
        all.addAll(List.of(args));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
                .run(all.toArray(String[]::new));
        int code = context.getBean(AtoShellRunner.class).getExitCode();
        context.close();
        return new Outcome(code, output.getOut().substring(out), output.getErr().substring(err), context);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void everyHelpFormListsTheCommandsAndViewsAndStartsNothing(String form, CapturedOutput output) {
        Outcome help = run(output, form);
        assertThat(help.exitCode()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out()).contains("Usage: java -jar APP.jar", "manual", "runs best", "why", "high_lr",
                "model: base, resnet101").doesNotContain("clear", "history", "script", "quit");
        assertThat(help.context()).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(help.context().getBeanFactory().containsSingleton("dataSource")).as("no DataSource").isFalse();
        assertThat(help.context().getBeanFactory().containsSingleton("atoTracker")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "help runs best | Usage: runs best [--metric METRIC] [--project PROJECT] [--mode MODE] [--format FORMAT]",
        "runs best --help | Usage: runs best [--metric METRIC]",
        "runs best -h | Usage: runs best [--metric METRIC]",
        "help why | Usage: why KEY [VIEW_OR_LITERAL ...]",
        "why --help | Usage: why KEY [VIEW_OR_LITERAL ...]",
        "help print | Usage: print [--format FORMAT] [--scope SCOPE] [VIEW_OR_LITERAL ...]",
        "runs list --help | at most this many runs (default: 20)",
        "help hyperband run | Usage: hyperband run [--space SPACE]",
        "help version | Usage: version",
    })
    void everyCommandHasAUsageLineOptionsAndAnExample(String line, String expected, CapturedOutput output) {
        Outcome help = run(output, line.split(" "));
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains(expected, "--help, -h");
        assertThat(help.context().getBeanFactory().containsSingleton("dataSource")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "manul | 2 | Error: 'manul' is neither a command nor a view; did you mean 'manual'?",
        "high_lrr | 2 | Error: 'high_lrr' is neither a command nor a view; did you mean 'high_lr'?",
        "clear | 2 | Error: 'clear' is neither a command nor a view",
        "print train.lr=[1, | 2 | Error: Malformed command-line token #0 at position 9: unbalanced '['",
        "why train.lrr | 2 | Error: no layer of scope 'train' wrote 'lrr'",
        "print --scope trian | 2 | Error: no scope 'trian'; did you mean 'train'?",
        "runs show 999999 | 2 | Error: no run with id 999999; projects: cli, secrets, two-metrics",
        "runs list --project nope | 2 | Error: no project 'nope'; projects: cli, secrets, two-metrics",
        "runs best --metric accc | 2 | Error: no run of project 'cli' logged a number for the metric 'accc'; did you mean 'acc'?; metrics: acc",
        "runs best --project two-metrics | 2 | Error: runs best needs --metric NAME, project 'two-metrics' has the metrics acc, loss",
        "runs list --lmit 3 | 2 | Error: 'runs list' has no option --lmit; did you mean '--limit'?",
        "runs list --limit x | 2 | Error: bad option value",
        "runs list --status sleeping | 2 | Error: unknown status 'sleeping'; use one of running, completed",
        "runs | 2 | Error: 'runs' needs a sub-command; runs commands: runs best, runs diff",
        "runs lst | 2 | Error: 'runs lst' is not a command; did you mean 'runs list'?",
    })
    void everyErrorIsOneBlockOnStandardErrorWithItsExitCode(String line, int code, String first,
                                                            CapturedOutput output) {
        Outcome error = run(output, line.split(" "));
        assertThat(error.exitCode()).as(error.err()).isEqualTo(code);
        assertThat(error.err()).startsWith(first).doesNotContain("\tat ", "USAGE_ERROR", "APPLICATION FAILED");
        assertThat(error.err().lines().filter(l -> l.startsWith("Error:")).count()).isEqualTo(1);
        assertThat(error.out()).doesNotContain("Error:");
    }

    @Test
    void debugAddsTheStackTrace(CapturedOutput output) {
        Outcome error = run(output, "runs", "show", "999999", "--debug");
        assertThat(error.exitCode()).isEqualTo(2);
        assertThat(error.err()).startsWith("Error: no run with id 999999").contains("\tat ");
    }

    @Test
    void printJsonAndYamlAreOneDocumentByScope(CapturedOutput output) throws Exception {
        JsonNode all = JSON.readTree(run(output, "print", "--format", "json", "high_lr", "train.lr=3").out());
        assertThat(all.propertyNames()).containsExactlyInAnyOrder("train", "model");
        assertThat(all.get("train").get("lr").asDouble()).isEqualTo(3.0);
        JsonNode model = JSON.readTree(run(output, "print", "--format", "json", "--scope", "model").out());
        assertThat(model.get("name").asString()).isEqualTo("resnet50");
        String yaml = run(output, "print", "--format", "yaml").out();
        assertThat(yaml).contains("train:", "model:").doesNotContain("[train]");
    }

    @Test
    void runsListIsNewestFirstWithLimitStatusAndTag(CapturedOutput output) throws Exception {
        JsonNode runs = JSON.readTree(run(output, "runs", "list", "--format", "json").out()).get("runs");
        assertThat(runs).hasSize(12);
        List<Long> ids = new ArrayList<>();
        runs.forEach(r -> ids.add(r.get("id").asLong()));
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(JSON.readTree(run(output, "runs", "list", "--format", "json", "--limit", "3").out())
                .get("runs")).hasSize(3);
        JsonNode failed = JSON.readTree(run(output, "runs", "list", "--format", "json", "--status", "failed").out())
                .get("runs");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("status").asString()).isEqualTo("failed");
        JsonNode even = JSON.readTree(run(output, "runs", "list", "--format", "json", "--tag", "even").out())
                .get("runs");
        assertThat(even).hasSize(6);
        even.forEach(r -> assertThat(r.get("tags").get(0).asString()).isEqualTo("even"));
        assertThat(run(output, "runs", "list", "--limit", "2").out().lines().count()).isEqualTo(3);
    }

    @Test
    void runsShowBestAndDiffAsJson(CapturedOutput output) throws Exception {
        JsonNode best = JSON.readTree(run(output, "runs", "best", "--format", "json").out());
        assertThat(best.get("metric").asString()).as("the project's only metric").isEqualTo("acc");
        assertThat(best.get("value").asDouble()).isEqualTo(0.6);
        long id = best.get("run").get("id").asLong();
        JsonNode show = JSON.readTree(run(output, "runs", "show", String.valueOf(id), "--format", "json").out());
        assertThat(show.get("run").get("config").get("depth").asInt()).isEqualTo(3);
        assertThat(show.get("metrics").get(0).get("key").asString()).isEqualTo("acc");
        JsonNode diff = JSON.readTree(run(output, "runs", "diff", String.valueOf(id), String.valueOf(id - 1),
                "--format", "json").out());
        assertThat(diff.get("differences")).hasSize(1);
        assertThat(diff.get("differences").get(0).get("key").asString()).isEqualTo("lr");
    }

    @Test
    void secretsNeverLeaveInClear(CapturedOutput output) throws Exception {
        long id = JSON.readTree(run(output, "runs", "list", "--project", "secrets", "--format", "json").out())
                .get("runs").get(0).get("id").asLong();
        List<String> printed = List.of(
                run(output, "runs", "show", String.valueOf(id)).out(),
                run(output, "runs", "show", String.valueOf(id), "--format", "json").out(),
                run(output, "runs", "diff", String.valueOf(id), "1").out(),
                run(output, "runs", "diff", String.valueOf(id), "1", "--format", "json").out(),
                run(output, "print", "train.api_key=s3cr3t").out(),
                run(output, "print", "--format", "json", "train.api_key=s3cr3t").out(),
                run(output, "why", "train.api_key", "train.api_key=s3cr3t").out(),
                run(output, "why", "train.lr", "train.lr=[1,", "train.api_key=s3cr3t").err());
        assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain("hunter2", "s3cr3t"));
        assertThat(printed.get(0)).contains("password: ******");
        assertThat(printed.get(6)).contains("api_key = ******", "'train.api_key=******'");
    }

    @Test
    void versionShowsTheApplicationsAndAtosVersions(CapturedOutput output) {
        Outcome version = run(output, "version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("TestApplication: ", "ato: ", "spring boot: 4.");
    }
}
