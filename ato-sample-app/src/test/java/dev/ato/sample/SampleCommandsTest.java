package dev.ato.sample;

import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.hyperopt.SearchRecord;
import dev.ato.hyperopt.Searches;
import dev.ato.tracker.MetricPoint;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's commands as a one-shot run executes them ({@link AtoShellRunner#execute}, which also maps the result to
 * the process exit code), on one application context with a real SQLite file: a real {@code train}, a tiny
 * {@code search}, a worker joining a search, and bad input with exit code 2.
 */
@SpringBootTest(properties = {"ato.shell.interactive=false", "ato.sqlite.path=target/sample-test/experiments.db",
        "ato.project=digits-test", "model.dir=target/sample-test/models"})
@ExtendWith(OutputCaptureExtension.class)
class SampleCommandsTest {

    /** Measured with the defaults (Adam, lr 0.01, minibatch 16, 20 epochs, seed 42): 0.9805; see sample-app.md. */
    private static final double DEFAULT_RUN_ACCURACY_FLOOR = 0.96;

    private static final Pattern RUN_LINE = Pattern.compile("run (\\d+): validation accuracy (\\d\\.\\d{4})");

    @Autowired
    AtoShellRunner commands;

    @Autowired
    RunFinder runs;

    @Autowired
    DataSource dataSource;

    @Autowired
    Searches searches;

    @Test
    void trainRunsOnceAndRecordsEpochsModelAndCodeFingerprint(CapturedOutput output) throws Exception {
        Outcome train = execute(output, "train");

        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.out()).contains("epoch  1/20  loss ", "epoch 20/20  loss ");
        Matcher result = RUN_LINE.matcher(train.out());
        assertThat(result.find()).as(train.out()).isTrue();
        long runId = Long.parseLong(result.group(1));
        assertThat(Double.parseDouble(result.group(2))).isGreaterThanOrEqualTo(DEFAULT_RUN_ACCURACY_FLOOR);

        Run run = runs.findRun(runId).orElseThrow();
        assertThat(run.status()).isEqualTo("completed");
        assertThat(run.config().getDouble("train.lr")).isEqualTo(0.01);
        assertThat(run.config().getString("model.dir")).isEqualTo("target/sample-test/models");
        List<MetricPoint> valAcc = runs.metrics(runId).stream().filter(m -> m.key().equals("val_acc")).toList();
        assertThat(valAcc).extracting(MetricPoint::step).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(runs.metrics(runId)).extracting(MetricPoint::key).contains("loss", "val_loss");

        Path model = Path.of("target/sample-test/models/digits-run" + runId + ".tribuo");
        Map<String, Object> artifact = new JdbcTemplate(dataSource).queryForMap(
                "SELECT path, data_type, size_bytes, sha256 FROM artifacts WHERE run_id = ?", runId);
        assertThat(artifact.get("path")).isEqualTo(model.toString());
        assertThat(((Number) artifact.get("size_bytes")).longValue()).isEqualTo(Files.size(model));
        assertThat((String) artifact.get("sha256")).matches("[0-9a-f]{64}");
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT trace_id || ' ' || trace_type FROM fingerprints"
                + " WHERE run_id = ?", String.class, runId)).containsExactly("digits.train static");
    }

    @Test
    void aTinySearchRunsEveryGenerationWithEpochsFromTheGenerationAndPrintsTheBest(CapturedOutput output) {
        Outcome search = execute(output, "search", "train.search.lr=[0.01,0.1]", "train.search.optimiser=[adam,sgd]",
                "train.search.minibatch_size=[32]", "train.search.first_epochs=1", "train.search.max_epochs=4");

        assertThat(search.exitCode()).as(search.toString()).isZero();
        // 4 configs halved to 2 and 1, then the best once more; epochs 1, 2, 4 and the final at most 4
        assertThat(search.out()).contains("4 configs (2 lr x 2 optimiser x 1 minibatch_size)",
                "generations of 4, 2, 1");
        assertThat(lines(search.out(), "trial ")).hasSize(4 + 2 + 1 + 1);
        assertThat(lines(search.out(), "generation 0 ")).allMatch(l -> l.contains("epochs  1"));
        assertThat(lines(search.out(), "generation 1 ")).allMatch(l -> l.contains("epochs  2"));
        assertThat(lines(search.out(), "generation 2 ")).allMatch(l -> l.contains("epochs  4"));
        Matcher best = Pattern.compile("best: lr (\\S+), optimiser (\\w+), minibatch_size 32 -> validation accuracy"
                + " (\\d\\.\\d{4}) \\(run (\\d+)\\)").matcher(search.out());
        assertThat(best.find()).as(search.out()).isTrue();
        Run bestRun = runs.findRun(Long.parseLong(best.group(4))).orElseThrow();
        assertThat(bestRun.tags()).contains("hyperband", "final");
        assertThat(bestRun.config().getString("train.optimiser")).isEqualTo(best.group(2));
        assertThat(runs.metrics(bestRun.id())).extracting(MetricPoint::key).containsOnly(Searches.METRIC_KEY);
        assertThat(Double.parseDouble(best.group(3))).isGreaterThan(0.85);
    }

    @Test
    void aWorkerJoinsARunningSearchAndBothReportTheSameBest(CapturedOutput output) throws Exception {
        List<String> before = searches.list("digits-test").stream().map(SearchRecord::id).toList();
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Future<Outcome> started = starter.submit(() -> execute(output, "search", "train.search.lr=[0.01,0.1,1.0]",
                    "train.search.optimiser=[adam,sgd]", "train.search.minibatch_size=[64]",
                    "train.search.first_epochs=1", "train.search.max_epochs=4"));
            String id = null;
            while (id == null && !started.isDone()) {
                id = searches.list("digits-test").stream().map(SearchRecord::id).filter(s -> !before.contains(s))
                        .findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertThat(id).as("the search was recorded").isNotNull();
            Outcome worker = execute(output, "search", "--worker", "--id", id);
            Outcome search = started.get(2, TimeUnit.MINUTES);

            assertThat(search.exitCode()).as(search.toString()).isZero();
            assertThat(worker.exitCode()).as(worker.toString()).isZero();
            assertThat(worker.out()).startsWith("joining search " + id);
            // 6 configs, then 3 and 1, then the final run: every trial ran once, in one worker or the other
            assertThat(lines(search.out(), "trial ").size() + lines(worker.out(), "trial ").size()).isEqualTo(11);
            assertThat(lines(worker.out(), "best: ")).isEqualTo(lines(search.out(), "best: ")).hasSize(1);
        } finally {
            starter.shutdownNow();
        }
    }

    @Test
    void aLazyViewGivesEpochsByTheGeneration(CapturedOutput output) {
        Outcome why = execute(output, "why", "train.epochs", "train.__num_halved__=3");

        assertThat(why.exitCode()).as(why.toString()).isZero();
        // first_epochs 2 / halving_rate 0.5 ^ generation 3
        assertThat(why.out()).contains("lazy view 'epochs_from_generation'       epochs = 16");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "train | nosuch | 'nosuch' is not a view of any scope",
        "train | train.lr=0 | train.lr must be a positive number, got 0.0",
        "train | train.lr=-0.5 | train.lr must be a positive number, got -0.5",
        "train | train.lr=abc | train.lr = 'abc' is not a valid double for TrainProperties",
        "train | train.lr=[1, | unbalanced '['",
        "train | train.optimiser=lbfgs | train.optimiser: unknown optimiser 'lbfgs'",
        "train | data.file=target/sample-test/missing.csv | digits data file not found",
        "search | train.search.lr=[0.1,-1] | train.lr must be a positive number, got -1.0 (in the search grid",
        "search | data.file=target/sample-test/missing.csv | digits data file not found",
        "search | --worker --id no-such-search | no search 'no-such-search'",
    })
    void badInputIsOneErrorLineAndExitCodeTwo(String command, String args, String message, CapturedOutput output) {
        Outcome outcome = execute(output, command, args.split(" "));

        assertThat(outcome.exitCode()).as(outcome.toString()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("Error: ").contains(message).doesNotContain("\tat ", "Exception");
        assertThat(outcome.out()).doesNotContain("\tat ", "epoch ");
    }

    private Outcome execute(CapturedOutput output, String command, String... args) {
        int errorsBefore = output.getErr().length();
        StringWriter out = new StringWriter();
        int exitCode;
        try {
            exitCode = commands.execute(command, Arrays.asList(args), new PrintWriter(out),
                    new PrintWriter(System.err, true));
        } catch (Exception e) {
            throw new AssertionError("the command threw instead of reporting: " + e, e);
        }
        return new Outcome(exitCode, out.toString(), output.getErr().substring(errorsBefore));
    }

    private static List<String> lines(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).toList();
    }

    private record Outcome(int exitCode, String out, String err) {
    }
}
