package dev.ato.guide;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.HyperBandResult;
import dev.ato.hyperopt.SearchSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HyperBand example of docs/python-ato.md: Python ato's search-space description, searched for real. */
class HyperBandExamplesTest {

    @Test
    void aSearchFromPythonAtosDescription(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("space.yaml"), """
                lr:        {param_type: FLOAT, param_range: [0.0001, 0.1], num_samples: 4, space_type: LOG}
                optimizer: {param_type: CATEGORY, categories: [sgd, adam]}
                """);
        SearchSpace space = SearchSpace.from(ADict.load(file));
        HyperBand hyperBand = new HyperBand(space, 0.5, 2, Mode.MAX);

        HyperBandResult result = hyperBand.run(ADict.of(Map.of("epochs", 10)), config ->
                -Math.abs(Math.log10(config.getDouble("lr")) + 2)
                        + (config.getString("optimizer").equals("adam") ? 0.1 : 0));

        assertThat(space.size()).isEqualTo(8);
        assertThat(hyperBand.numGenerations()).isEqualTo(2);
        assertThat(hyperBand.optimizedSteps(1000)).containsExactly(500L, 1000L);
        assertThat(result.logs()).extracting(List::size).containsExactly(8, 4, 2, 1);
        assertThat(result.config().getString("optimizer")).isEqualTo("adam");
        assertThat(result.config().getDouble("lr")).isEqualTo(0.009999999776482582);
    }
}
