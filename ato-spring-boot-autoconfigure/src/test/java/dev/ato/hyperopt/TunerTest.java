package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TunerTest {

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double regretOf(Fidelity function, Sampler sampler, Plan plan, long seed) {
        SplittableRandom noise = new SplittableRandom(seed + 1000);
        Tuner tuner = Tuner.builder(function.domain()).sampler(sampler).plan(plan).seed(seed).build();
        TuningResult result = tuner.run(new ADict(), t -> function.observe(t.config(), t.budget(), noise));
        return function.regret(result.config());
    }

    @Test
    void tpeBeatsRandomOnBraninAtEqualBudget() {
        List<Double> tpe = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (long seed = 0; seed < 7; seed++) {
            tpe.add(regretOf(Fidelity.BRANIN, Samplers.tpe(), Plan.trials(60, 27, Pruner.none()), seed));
            random.add(regretOf(Fidelity.BRANIN, Samplers.random(), Plan.trials(60, 27, Pruner.none()), seed));
        }
        assertThat(median(tpe)).isLessThan(median(random));
    }

    @Test
    void bohbBeatsHyperbandWithRandomSamplingOnHartmann() {
        List<Double> bohb = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) {
            bohb.add(regretOf(Fidelity.HARTMANN6, Samplers.bohb(), Plan.hyperband(1, 27, 3, 6), seed));
            random.add(regretOf(Fidelity.HARTMANN6, Samplers.random(), Plan.hyperband(1, 27, 3, 6), seed));
        }
        assertThat(median(bohb)).isLessThan(median(random));
    }

    @Test
    void aSeededSearchIsReproducible() {
        Tuner tuner = Tuner.builder(Fidelity.BRANIN.domain()).sampler(Samplers.tpe(true, 5, 24))
                .plan(Plan.hyperband(1, 9, 3)).seed(42).build();
        TuningResult first = tuner.run(new ADict(), t -> Fidelity.BRANIN.f(t.config()));
        TuningResult second = tuner.run(new ADict(), t -> Fidelity.BRANIN.f(t.config()));
        assertThat(second.trials()).isEqualTo(first.trials());
        assertThat(first.trials()).hasSizeGreaterThan(10);
    }

    @Test
    void hyperbandRunsLiEtAlsBrackets() {
        List<String> seen = new ArrayList<>();
        Tuner tuner = Tuner.builder(Fidelity.BRANIN.domain()).sampler(Samplers.random())
                .plan(Plan.hyperband(1, 27, 3)).build();
        TuningResult result = tuner.run(new ADict(), t -> {
            seen.add(t.config().getInt(Planner.BRACKET) + ":" + (int) t.budget());
            return Fidelity.BRANIN.f(t.config());
        });
        // s=3: 27x1, 9x3, 3x9, 1x27; s=2: 12x3, 4x9, 1x27; s=1: 6x9, 2x27; s=0: 4x27
        assertThat(seen).hasSize(27 + 9 + 3 + 1 + 12 + 4 + 1 + 6 + 2 + 4);
        assertThat(seen.stream().filter(s -> s.equals("0:1")).count()).isEqualTo(27);
        assertThat(seen.stream().filter(s -> s.equals("1:3")).count()).isEqualTo(12);
        assertThat(seen.stream().filter(s -> s.equals("3:27")).count()).isEqualTo(4);
        assertThat(result.budget()).isEqualTo(27.0);
        assertThat(result.budgetSpent()).isEqualTo(108 + 99 + 108 + 108);
    }

    @Test
    void prunersStopBadTrialsEarly() {
        for (Pruner pruner : List.of(Pruner.median(3, 1), Pruner.successiveHalving(1, 3))) {
            Tuner tuner = Tuner.builder(Fidelity.BRANIN.domain()).sampler(Samplers.random())
                    .plan(Plan.trials(30, 27, pruner)).seed(3).build();
            TuningResult result = tuner.run(new ADict(), t -> {
                double value = Double.NaN;
                for (int step = 1; step <= t.budget(); step++) {
                    value = Fidelity.BRANIN.f(t.config()) + 10.0 / step;
                    t.report(step, value);
                    if (t.shouldStop()) {
                        break;
                    }
                }
                return value;
            });
            long pruned = result.trials().stream().filter(s -> s.status().equals("pruned")).count();
            assertThat(pruned).as("%s", pruner).isGreaterThan(5);
            assertThat(result.budgetSpent()).isLessThan(30 * 27 * 0.7);
            assertThat(result.trials().stream().filter(s -> s.status().equals("pruned"))
                    .allMatch(s -> s.spent() < 27)).isTrue();
        }
    }

    @Test
    void gridSamplerWalksThePythonGrid() {
        SearchSpace grid = Fidelity.BRANIN.grid(3);
        List<ADict> seen = new ArrayList<>();
        Tuner.builder(Domain.of(grid)).sampler(Samplers.grid(grid)).plan(Plan.trials(9, 1, Pruner.none())).build()
                .run(new ADict(), t -> {
                    seen.add(new Planner(Domain.of(grid), null, null, Mode.MIN, 0).parameters(t.config()));
                    return 0;
                });
        assertThat(seen).isEqualTo(grid.points());
    }

    @Test
    void badSettingsAreRejected() {
        assertThatThrownBy(() -> Plan.hyperband(0, 27, 3)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("minBudget");
        assertThatThrownBy(() -> Plan.hyperband(1, 27, 1)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("eta");
        assertThatThrownBy(() -> Domain.builder().logFloats("lr", 0, 1)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("LOG range must lie above 0");
        assertThatThrownBy(() -> Domain.from(ADict.of(java.util.Map.of("lr", java.util.Map.of("param_type", "FLOAT",
                "param_range", List.of(1))))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("lr.param_range");
    }
}
