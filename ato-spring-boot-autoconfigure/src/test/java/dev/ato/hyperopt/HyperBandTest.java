package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.scope.Scope;
import dev.ato.scope.ViewOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HyperBandTest {

    private static final SearchSpace SIXTEEN = SearchSpace.builder().integers("x", 0, 15, 16).build();

    @Test
    void invalidSettingsFailBeforeAnyTrial() {
        assertThatThrownBy(() -> new HyperBand(SIXTEEN, 0, 1, Mode.MAX)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("halvingRate must lie strictly between 0 and 1, got 0.0");
        assertThatThrownBy(() -> new HyperBand(SIXTEEN, 1.0, 1, Mode.MAX)).isInstanceOf(AtoConfigException.class);
        assertThatThrownBy(() -> new HyperBand(SIXTEEN, Double.NaN, 1, Mode.MAX))
                .isInstanceOf(AtoConfigException.class);
        assertThatThrownBy(() -> new HyperBand(SIXTEEN, 0.5, 0, Mode.MAX)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("numMinSamples must be at least 1, got 0");
        assertThatThrownBy(() -> new HyperBand(SearchSpace.builder().integers("x", 0, 3, 0).build(), 0.5, 1,
                Mode.MAX)).isInstanceOf(AtoConfigException.class).hasMessageContaining("empty grid");
        assertThatThrownBy(() -> new HyperBand(SIXTEEN, 0.5, 20, Mode.MIN)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("numMinSamples (20) must be smaller than the grid size (16)");
    }

    @Test
    void aFailingTrialCountsAsTheWorstMetricAndTheSearchGoesOn() {
        HyperBand hyperBand = new HyperBand(SIXTEEN, 0.5, 2, Mode.MAX);
        HyperBandResult result = hyperBand.run(new ADict(), config -> {
            int x = config.getInt("x");
            if (x == 15) {
                throw new IllegalStateException("diverged at x=15");
            }
            return x;
        });
        assertThat(result.config().getInt("x")).isEqualTo(14);
        ADict failed = result.logs().get(0).get(15);
        assertThat(failed.getInt("x")).isEqualTo(15);
        assertThat(Trials.metric(failed)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(failed.getString(Trials.ERROR)).contains("IllegalStateException").contains("diverged at x=15");
    }

    @Test
    void aNanMetricRanksLast() {
        HyperBand hyperBand = new HyperBand(SIXTEEN, 0.5, 2, Mode.MIN);
        HyperBandResult result = hyperBand.run(new ADict(), c -> c.getInt("x") == 0 ? Double.NaN : c.getInt("x"));
        assertThat(result.logs().get(0).get(15).getInt("x")).isZero();
        assertThat(result.config().getInt("x")).isEqualTo(1);
    }

    @Test
    void stopOnFirstFailureEndsTheSearch() {
        HyperBand hyperBand = new HyperBand(SIXTEEN, 0.5, 2, Mode.MAX);
        hyperBand.setStopOnFirstFailure(true);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> hyperBand.run(new ADict(), config -> {
            calls.incrementAndGet();
            if (config.getInt("x") == 3) {
                throw new IllegalArgumentException("bad x");
            }
            return 0;
        })).isInstanceOf(AtoException.class).hasMessageContaining("trial 4 failed").hasMessageContaining("x=3")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void everyTrialGetsAFreshBaseThenItsPointAndGeneration() {
        HyperBand hyperBand = new HyperBand(SIXTEEN, 0.5, 4, Mode.MIN);
        AtomicInteger resolutions = new AtomicInteger();
        List<ADict> seen = new ArrayList<>();
        HyperBandResult result = hyperBand.run(() -> {
            resolutions.incrementAndGet();
            return ADict.of(Map.of("x", -1, "epochs", 5));
        }, config -> {
            seen.add(config);
            config.put("x", 99); // a trial changing its copy changes nothing in the search
            return seen.size() % 7;
        });
        assertThat(resolutions.get()).isEqualTo(seen.size()).isEqualTo(16 + 8 + 4 + 1);
        assertThat(seen.get(16).getInt(HyperBand.NUM_HALVED)).isEqualTo(1);
        assertThat(seen).allSatisfy(c -> assertThat(c.getInt("epochs")).isEqualTo(5));
        assertThat(result.config().getInt("x")).isBetween(0, 15);
        assertThat(result.logs()).hasSize(4);
        assertThat(result.config().isFrozen()).isTrue();
    }

    @Test
    void everyTrialGetsTheScopesFullResolutionUnderItsPoint() {
        Scope scope = new Scope("config", ADict.of(Map.of("x", -1, "lr", 0.1, "warmup", 0)));
        scope.observe("long", ViewOptions.defaults(), c -> c.set("epochs", 90));
        scope.observe("warmup", ViewOptions.defaults().lazy(true).defaultView(true),
                c -> c.set("warmup", c.getInt("epochs") / 10));
        List<ADict> seen = new ArrayList<>();
        HyperBandResult result = new HyperBand(SIXTEEN, 0.5, 8, Mode.MAX).run(scope, List.of("long", "lr=0.5"),
                config -> {
                    seen.add(config);
                    return config.getInt("x");
                });
        assertThat(seen).hasSize(16 + 8 + 1).allSatisfy(c -> {
            assertThat(c.getInt("epochs")).isEqualTo(90);
            assertThat(c.getDouble("lr")).isEqualTo(0.5);
            assertThat(c.getInt("warmup")).isEqualTo(9);
        });
        assertThat(result.config().getInt("x")).isEqualTo(15);
        assertThatThrownBy(() -> new HyperBand(SIXTEEN, 0.5, 8, Mode.MAX).run(scope, List.of("lr=[1,"), c -> {
            throw new AssertionError("no trial may run");
        })).isInstanceOf(AtoConfigException.class);
    }

    @Test
    void stepsForATrialFollowItsGeneration() {
        HyperBand hyperBand = new HyperBand(SIXTEEN, 0.5, 1, Mode.MAX);
        assertThat(hyperBand.numGenerations()).isEqualTo(4);
        assertThat(hyperBand.optimizedSteps(80)).containsExactly(10L, 20L, 40L, 80L);
        List<Long> budgets = new ArrayList<>();
        hyperBand.run(new ADict(), config -> {
            budgets.add(hyperBand.stepsFor(config, 80));
            return config.getInt("x");
        });
        // 16 + 8 + 4 + 2 + 1 trials, then the winner once more: the extra generation and the re-run use maxSteps
        assertThat(budgets.subList(0, 16)).containsOnly(10L);
        assertThat(budgets.subList(16, 24)).containsOnly(20L);
        assertThat(budgets.subList(24, 32)).containsExactly(40L, 40L, 40L, 40L, 80L, 80L, 80L, 80L);
        assertThatThrownBy(() -> hyperBand.optimizedSteps(0)).isInstanceOf(AtoConfigException.class);
    }
}
