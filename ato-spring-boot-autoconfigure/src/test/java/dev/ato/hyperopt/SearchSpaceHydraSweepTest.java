package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SearchSpace#fromHydraSweep}: a Hydra multirun command line as a grid over the swept keys. */
class SearchSpaceHydraSweepTest {

    @Test
    void sweptKeysBecomeCategoryParametersInCommandLineOrder() {
        SearchSpace space = SearchSpace.fromHydraSweep(List.of("optimizer.lr=0.1,0.01",
                "trainer.max_epochs=5", "model=choice(small,big)", "seed=range(2)"));
        assertThat(space.names()).containsExactly("optimizer.lr", "model", "seed");
        assertThat(space.values()).containsExactly(Map.entry("optimizer.lr", List.of(0.1, 0.01)),
                Map.entry("model", List.of("small", "big")), Map.entry("seed", List.of(0, 1)));
        List<ADict> grid = space.grid(ADict.of(Map.of("trainer", Map.of("max_epochs", 5))));
        assertThat(grid).hasSize(8);
        assertThat(grid.get(0).toMap()).isEqualTo(Map.of("trainer", Map.of("max_epochs", 5),
                "optimizer", Map.of("lr", 0.1), "model", "small", "seed", 0));
        assertThat(grid.get(7).toMap()).isEqualTo(Map.of("trainer", Map.of("max_epochs", 5),
                "optimizer", Map.of("lr", 0.01), "model", "big", "seed", 1));
        // the same space as one written by hand, so it is stored and resumed like any other
        assertThat(space).isEqualTo(SearchSpace.builder().categories("optimizer.lr", List.of(0.1, 0.01))
                .categories("model", List.of("small", "big")).categories("seed", List.of(0, 1)).build());
    }

    @Test
    void withoutSweepsTheGridIsTheBase() {
        SearchSpace space = SearchSpace.fromHydraSweep(List.of("lr=0.1"));
        assertThat(space.names()).isEmpty();
        assertThat(space.grid(ADict.of(Map.of("lr", 0.1)))).hasSize(1);
    }

    @Test
    void badSweepsFailAsConfigErrors() {
        assertThatThrownBy(() -> SearchSpace.fromHydraSweep(List.of("lr=interval(0,1)")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("lr=interval(0,1)");
        assertThatThrownBy(() -> SearchSpace.fromHydraSweep(List.of("lr=choice(")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("position");
    }
}
