package dev.ato.autoconfigure.testapp;

import dev.ato.Mode;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.HyperBandResult;
import dev.ato.hyperopt.SearchSpace;
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
    void aMissingSpaceOptionIsAUsageError() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(runner.execute("hyperband", List.of("start"), new PrintWriter(out))).isEqualTo(2);
        assertThat(out.toString()).contains("--space FILE");
    }
}
