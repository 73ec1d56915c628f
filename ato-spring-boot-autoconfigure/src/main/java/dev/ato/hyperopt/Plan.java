package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sampled search spends its budget: a number of trials each given the whole budget (and stopped early by a
 * {@link Pruner}), or brackets of successive halving that give many configs a small budget and the best a large one
 * (one bracket, or Hyperband's set of brackets; with {@link Samplers#bohb()} that is BOHB).
 */
public sealed interface Plan permits Plan.Trials, Plan.Brackets {

    /** How a tracked search stores this plan. */
    ADict spec();

    /**
     * {@code n} trials, each proposed by the sampler from everything finished before it and given {@code maxBudget};
     * {@code pruner} may stop one early. {@code concurrency} trials are open at once: set it to the number of workers
     * (the sampler then proposes without the results of the trials still running).
     */
    static Plan trials(int n, double maxBudget, Pruner pruner, int concurrency) {
        return new Trials(n, maxBudget, pruner, concurrency);
    }

    /** {@link #trials(int, double, Pruner, int)} for one worker at a time. */
    static Plan trials(int n, double maxBudget, @Nullable Pruner pruner) {
        return new Trials(n, maxBudget, pruner, 1);
    }

    /** Hyperband (Li et al. 2018): its brackets ({@link Halving#brackets}) once, from the most aggressive. */
    static Plan hyperband(double minBudget, double maxBudget, double eta) {
        return hyperband(minBudget, maxBudget, eta, 1);
    }

    /** Hyperband's brackets repeated {@code iterations} times (BOHB's iterations). */
    static Plan hyperband(double minBudget, double maxBudget, double eta, int iterations) {
        if (iterations < 1) {
            throw new AtoConfigException("Hyperband needs at least 1 iteration, got " + iterations);
        }
        List<Halving.Bracket> brackets = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            brackets.addAll(Halving.brackets(minBudget, maxBudget, eta));
        }
        return new Brackets(brackets, new ADict().put("type", "hyperband").put("min_budget", minBudget)
                .put("max_budget", maxBudget).put("eta", eta).put("iterations", iterations));
    }

    /** Synchronous successive halving: one bracket of {@code n} configs ({@link Halving#bracket}). */
    static Plan successiveHalving(int n, double minBudget, double maxBudget, double eta) {
        return new Brackets(List.of(Halving.bracket(n, minBudget, maxBudget, eta)), new ADict()
                .put("type", "successive_halving").put("n", n).put("min_budget", minBudget)
                .put("max_budget", maxBudget).put("eta", eta));
    }

    /** The plan a stored description names. */
    static Plan from(ADict spec) {
        String type = String.valueOf(spec.getOrDefault("type", null));
        return switch (type) {
            case "trials" -> trials(spec.getInt("n"), spec.getDouble("max_budget"), Pruner.from(spec.child("pruner")),
                    spec.getInt("concurrency"));
            case "hyperband" -> hyperband(spec.getDouble("min_budget"), spec.getDouble("max_budget"),
                    spec.getDouble("eta"), spec.getInt("iterations"));
            case "successive_halving" -> successiveHalving(spec.getInt("n"), spec.getDouble("min_budget"),
                    spec.getDouble("max_budget"), spec.getDouble("eta"));
            default -> throw new AtoConfigException("unknown plan type '" + type
                    + "'; expected trials, hyperband or successive_halving");
        };
    }

    /**
     * See {@link Plan#trials(int, double, Pruner, int)}.
     *
     * @param n           how many trials
     * @param maxBudget   the budget each trial gets
     * @param pruner      what may stop a trial early
     * @param concurrency how many trials are open at once
     */
    record Trials(int n, double maxBudget, Pruner pruner, int concurrency) implements Plan {

        public Trials {
            if (n < 1 || !(maxBudget > 0) || concurrency < 1) {
                throw new AtoConfigException("a trials plan needs n >= 1, maxBudget > 0 and concurrency >= 1, got "
                        + n + ", " + maxBudget + ", " + concurrency);
            }
            java.util.Objects.requireNonNull(pruner, "pruner");
        }

        @Override
        public ADict spec() {
            return new ADict().put("type", "trials").put("n", n).put("max_budget", maxBudget)
                    .put("pruner", pruner.spec()).put("concurrency", concurrency);
        }
    }

    /**
     * Brackets of synchronous successive halving, run one after the other.
     *
     * @param brackets the brackets, in the order they run
     * @param spec     how the plan was described
     */
    record Brackets(List<Halving.Bracket> brackets, ADict spec) implements Plan {

        public Brackets {
            brackets = List.copyOf(brackets);
        }
    }
}
