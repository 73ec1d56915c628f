package dev.ato.autoconfigure.testapp;

import dev.ato.Mode;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.HyperBandResult;
import dev.ato.hyperopt.Domain;
import dev.ato.hyperopt.Plan;
import dev.ato.hyperopt.Pruner;
import dev.ato.hyperopt.Samplers;
import dev.ato.hyperopt.SearchSpace;
import dev.ato.hyperopt.Tuner;
import dev.ato.hyperopt.TuningResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** HyperBandService and the hyperband commands search from the application's own resolution of a scope. */
@TwoScopeApp
class HyperBandServiceTest {

    @Autowired
    HyperBandService service;

    @Autowired
    TrainTrial trial;

    @Autowired
    AtoShellRunner runner;

    @TempDir
    Path dir;

    @Test
    void runSearchesOverTheScopesResolution() {
        HyperBand hyperBand = new HyperBand(SearchSpace.builder().floats("lr", 0.1, 0.5, 5).build(), 0.5, 1, Mode.MAX);
        HyperBandResult result = service.run("train", hyperBand, trial);
        assertThat(result.config().getDouble("lr")).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(result.config().getInt("batch_size")).isEqualTo(64);
    }

    @Test
    void theRunCommandRecordsASearchAndListShowsIt() throws Exception {
        Path space = Files.writeString(dir.resolve("space.json"), """
                {"lr": {"param_type": "FLOAT", "param_range": [0.1, 0.5], "num_samples": 5}}""");
        StringWriter out = new StringWriter();
        int code = runner.execute("hyperband",
                List.of("run", "--space", space.toString(), "--scope", "train"), new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("search ", "best metric", "lr: 0.3");
        String id = out.toString().lines().findFirst().orElseThrow().substring("search ".length());
        StringWriter list = new StringWriter();
        runner.execute("hyperband", List.of("list"), new PrintWriter(list));
        assertThat(list.toString()).contains(id);
    }

    @Test
    void aSampledSearchRunsOverTheScopesResolution() {
        Tuner tuner = Tuner.builder(Domain.builder().floats("lr", 0.1, 0.5).build()).sampler(Samplers.tpe())
                .plan(Plan.trials(40, 1, Pruner.none())).mode(Mode.MAX).seed(1).build();
        TuningResult result = service.run("train", tuner, t -> trial.applyAsDouble(t.config()));
        assertThat(result.config().getDouble("lr")).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.03));
        assertThat(result.config().getInt("batch_size")).isEqualTo(64);
    }

    @Test
    void theTuneRunCommandRecordsASampledSearchThatJoinAndListSee() throws Exception {
        Path space = Files.writeString(dir.resolve("domain.yaml"), """
                lr: {param_type: FLOAT, param_range: [0.1, 0.5]}
                """);
        StringWriter out = new StringWriter();
        int code = runner.execute("tune", List.of("run", "--space", space.toString(), "--scope",
                "train", "--sampler", "random", "--plan", "hyperband", "--max-budget", "9", "--seed", "3"),
                new PrintWriter(out));
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("search ", "best metric", "at budget 9.0", "(22 trials", "lr: 0.");
        String id = out.toString().lines().findFirst().orElseThrow().substring("search ".length());
        StringWriter joined = new StringWriter();
        assertThat(runner.execute("tune", List.of("join", id), new PrintWriter(joined))).isZero();
        assertThat(joined.toString()).contains("best metric");
        StringWriter list = new StringWriter();
        runner.execute("hyperband", List.of("list"), new PrintWriter(list));
        assertThat(list.toString()).contains(id, "completed");
        StringWriter bad = new StringWriter();
        assertThat(runner.execute("tune", List.of("start", "--space", space.toString(),
                "--sampler", "annealing"), new PrintWriter(bad))).isEqualTo(2);
        assertThat(bad.toString()).contains("--sampler is one of tpe, mtpe, random, bohb; got 'annealing'");
    }

    @Test
    void prunedTrialsAreRunsThatRunsListShowsAsPruned() throws Exception {
        Tuner tuner = Tuner.builder(Domain.builder().floats("lr", 0.1, 0.5).build()).sampler(Samplers.random())
                .plan(Plan.trials(12, 8, Pruner.median(2, 1))).mode(Mode.MAX).seed(2).build();
        String id = service.start("train", tuner);
        TuningResult result = service.tune(id, t -> {
            double value = 0;
            for (int step = 1; step <= t.budget(); step++) {
                value = trial.applyAsDouble(t.config()) - 1.0 / step;
                t.report(step, value);
                if (t.shouldStop()) {
                    break;
                }
            }
            return value;
        });
        long pruned = result.trials().stream().filter(s -> s.status().equals("pruned")).count();
        assertThat(pruned).isPositive();
        StringWriter out = new StringWriter();
        runner.execute("runs", List.of("list"), new PrintWriter(out));
        assertThat(out.toString().lines().filter(l -> l.contains("pruned") && l.contains("search:" + id)).count())
                .isEqualTo(pruned);
    }

    @Test
    void aMissingSpaceOptionIsAUsageError() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(runner.execute("hyperband", List.of("start"), new PrintWriter(out))).isEqualTo(2);
        assertThat(out.toString()).contains("--space FILE");
    }
}
