package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Shell command's output and exit code, run the way a one-shot command line runs them. */
@TwoScopeApp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellCommandsTest {

    @Autowired
    CommandRegistry registry;

    @Autowired
    AtoShellRunner runner;

    @Autowired
    Tracker tracker;

    private long first;
    private long second;

    @BeforeAll
    void twoRuns() {
        String project = "shell-" + System.nanoTime();
        System.setProperty("ato.shell.test.project", project);
        first = run(project, ADict.of(Map.of("lr", 0.1, "depth", 3)), 0.8);
        second = run(project, ADict.of(Map.of("lr", 0.5, "depth", 3)), 0.9);
    }

    private long run(String project, ADict config, double accuracy) {
        try (RunHandle run = tracker.start(project, config, "shell-test")) {
            run.logMetric("acc", accuracy / 2, 1);
            run.logMetric("acc", accuracy, 2);
            run.logArtifact("models/acc-" + accuracy + ".bin", "model", Map.of("format", "test"));
            run.fingerprint("train_step", "static", "f00d" + (int) (accuracy * 10));
            return run.id();
        }
    }

    private static String project() {
        return System.getProperty("ato.shell.test.project");
    }

    private Result shell(String command, String... args) throws Exception {
        StringWriter out = new StringWriter();
        int code = runner.execute(command, List.of(args), new PrintWriter(out));
        return new Result(code, out.toString());
    }

    record Result(int exitCode, String output) {
    }

    @Test
    void manualPrintsTheViewOrderAndDocsAndWhatTheArgumentsApply() throws Exception {
        Result result = shell("manual", "model.resnet101", "high_lr");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).contains("[Scope \"train\"]", "defaults \u2192 high_lr \u2192 (External Properties) \u2192 (CLI Inputs)",
                "learning rate", "(Applied for: model.resnet101 high_lr)", "model: base \u2192 resnet101");
    }

    @Test
    void printResolvesTheArgumentsInEveryFormat() throws Exception {
        Result xyz = shell("print", "train.lr=0.5", "model.resnet101");
        assertThat(xyz.exitCode()).isZero();
        assertThat(xyz.output()).contains("[train]", "lr: 0.5", "[model]", "name: resnet101");
        Result json = shell("print", "--format", "json", "train.batch_size=8");
        assertThat(json.output()).contains("\"batch_size\" : 8", "\"steps\" : 80");
        assertThat(shell("print", "--format=yaml").output()).contains("batch_size: 32");
    }

    @Test
    void whyShowsEveryWriteInOrder() throws Exception {
        Result result = shell("why", "train.lr", "high_lr", "train.lr=3");
        assertThat(result.exitCode()).isZero();
        assertThat(result.output()).containsSubsequence("view 'defaults'", "view 'high_lr'", "command-line literal",
                "final: command-line literal");
        assertThat(shell("why", "train.dropout", "high_lr").output()).contains("(removed)", "not in the resolved config");
    }

    @Test
    void badInputIsOneErrorLineAndExitCodeTwo() throws Exception {
        Result literal = shell("print", "train.lr=[1,");
        assertThat(literal.exitCode()).isEqualTo(2);
        assertThat(literal.output()).startsWith("Error: ").contains("[1,");
        Result view = shell("manual", "no_such_view");
        assertThat(view.exitCode()).isEqualTo(2);
        assertThat(view.output()).contains("no_such_view", "high_lr");
        assertThat(shell("why", "lr").output()).contains("names no scope", "train");
    }

    @Test
    void runsListShowBestSimilarDiff() throws Exception {
        assertThat(shell("runs", "list", "--project", project()).output())
                .contains("ID", "STATUS", "STRUCTURAL HASH", "shell-test")
                .containsPattern(first + "\\s+completed").containsPattern(second + "\\s+completed");
        assertThat(shell("runs", "show", String.valueOf(first)).output())
                .contains("run " + first, "completed", "lr: 0.1", "acc", "0.8 @2")
                .containsSubsequence("artifacts", "models/acc-0.8.bin", "model", "fingerprints", "train_step",
                        "static", "f00d8");
        Result best = shell("runs", "best", "--project", project(), "--metric", "acc");
        assertThat(best.output()).containsPattern("\\n" + second + "\\s+completed").contains("acc = 0.9");
        assertThat(shell("runs", "best", "--project", project(), "--metric", "acc", "--mode", "min").output())
                .containsPattern("\\n" + first + "\\s+completed");
        assertThat(shell("runs", "similar", String.valueOf(first)).output()).contains(String.valueOf(second));
        assertThat(shell("runs", "diff", String.valueOf(first), String.valueOf(second)).output())
                .contains("KEY", "lr", "0.1", "0.5").doesNotContain("depth");
    }

    @Test
    void runsErrorsNameWhatExists() throws Exception {
        Result project = shell("runs", "list", "--project", "nope");
        assertThat(project.exitCode()).isEqualTo(2);
        assertThat(project.output()).contains("no project 'nope'", project());
        assertThat(shell("runs", "show", "999999").output()).contains("no run with id 999999", project());
        assertThat(shell("runs", "best", "--project", project(), "--metric", "loss").output())
                .contains("logged a number for the metric 'loss'", "metrics: acc");
        assertThat(shell("runs", "show", "abc").output()).contains("'abc' is not a run id");
    }

    @Test
    void viewNamesCompleteForTheScopeCommands() {
        var completion = registry.getCommandByName("manual").getCompletionProvider();
        var proposals = completion.apply(new CompletionContext(List.of("manual", "hi"), 1, 2, null, null));
        assertThat(proposals).extracting(CompletionProposal::value).containsExactly("high_lr");
        var prefixed = completion.apply(new CompletionContext(List.of("print", "model.r"), 1, 7, null, null));
        assertThat(prefixed).extracting(CompletionProposal::value).containsExactly("model.resnet101");
    }

    @Test
    void anUnknownCommandWordIsAnErrorListingTheCommands() throws Exception {
        Result unknown = shell("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).startsWith("Error: 'frobnicate' is neither a command nor a view")
                .contains("manual", "runs best").doesNotContain("clear", "history", "script", "quit");
        assertThat(shell("manul").output()).contains("did you mean 'manual'?");
        assertThat(shell("high_lrr").output()).contains("did you mean 'high_lr'?");
    }
}
