package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A custom strategy on {@link SearchStrategy}: the random search shown in docs/hyperband.md. */
class RandomSearchTest {

    /** Evaluates {@code budget} grid configs picked at random; one round. */
    static final class RandomSearch extends SearchStrategy {

        private final int budget;
        private final long seed;

        RandomSearch(SearchSpace space, Mode mode, int budget, long seed) {
            super(space, mode);
            this.budget = budget;
            this.seed = seed;
        }

        @Override
        protected List<List<ADict>> search(List<ADict> candidates, Trials trials) {
            List<ADict> shuffled = new ArrayList<>(candidates);
            Collections.shuffle(shuffled, new Random(seed));
            List<ADict> picked = shuffled.subList(0, Math.min(budget, shuffled.size()));
            return List.of(trials.rank(trials.evaluateAll(picked)));
        }
    }

    @Test
    void runsTheBudgetAndReturnsTheBestItSaw() {
        SearchSpace space = SearchSpace.builder().integers("a", 0, 9, 10).integers("b", 0, 9, 10).build();
        List<ADict> seen = new ArrayList<>();
        HyperBandResult result = new RandomSearch(space, Mode.MIN, 25, 7).run(ADict.of(java.util.Map.of("c", 1)),
                config -> {
                    seen.add(config);
                    return Math.abs(config.getInt("a") - 3) + Math.abs(config.getInt("b") - 6);
                });
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen).allSatisfy(c -> assertThat(c.getInt("c")).isEqualTo(1));
        double bestSeen = seen.stream().mapToDouble(c -> Math.abs(c.getInt("a") - 3) + Math.abs(c.getInt("b") - 6))
                .min().orElseThrow();
        assertThat(result.metric()).isEqualTo(bestSeen);
        assertThat(result.logs()).hasSize(1);
        assertThat(result.logs().get(0)).hasSize(25);
    }
}
