package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The successive-halving rule, written once: Python ato's ranking, who survives a generation, who runs in the next
 * one, what is re-evaluated at the end, which configs an asynchronous rung promotes, and the schedule (generation
 * sizes and training steps). {@link HyperBand} (in memory), the tracked and distributed search ({@link Searches},
 * synchronous and asynchronous) and the dashboard all decide with these functions and nothing else.
 *
 * <p>A value: the fraction kept per generation, the smallest generation still evaluated, and whether larger or
 * smaller metrics are better. Every method is a pure function of its arguments.
 *
 * @param rate          the fraction of each generation kept, strictly between 0 and 1
 * @param numMinSamples the smallest generation still evaluated, at least 1
 * @param mode          whether larger or smaller metrics are better
 */
public record Halving(double rate, int numMinSamples, Mode mode) {

    /** The key holding how many halvings a config survived: its generation, 0 in the first one. */
    public static final String NUM_HALVED = "__num_halved__";

    /** The key holding a sampled search's trial budget; it grows with the generation, as the counter does. */
    public static final String BUDGET = "__budget__";

    /** @throws AtoConfigException when {@code rate} or {@code numMinSamples} is out of range */
    public Halving {
        Objects.requireNonNull(mode, "mode");
        if (!(rate > 0 && rate < 1)) {
            throw new AtoConfigException("HyperBand halvingRate must lie strictly between 0 and 1, got " + rate
                    + "; 0.5 keeps half of each generation");
        }
        if (numMinSamples < 1) {
            throw new AtoConfigException("HyperBand numMinSamples must be at least 1, got " + numMinSamples);
        }
    }

    // ------------------------------------------------------------------ the schedule

    /** Python ato's {@code num_generations}: {@code ceil(log(numMinSamples / population) / log(rate))}. */
    public int numGenerations(int population) {
        return (int) Math.ceil(Math.log((double) numMinSamples / population) / Math.log(rate));
    }

    /**
     * The sizes of the generations evaluated before the final re-evaluation: the population, then
     * {@code floor(n * rate)} while at least {@code numMinSamples} remain (one more than {@link #numGenerations}
     * when the ratio is exact).
     */
    public List<Integer> generationSizes(int population) {
        List<Integer> sizes = new ArrayList<>();
        for (int n = population; n >= numMinSamples; n = survivorCount(n)) {
            sizes.add(n);
        }
        return sizes;
    }

    /**
     * Python ato's {@code compute_optimized_initial_training_steps} for any {@code maxSteps} (its float arithmetic
     * unchanged): the steps of generations {@code 0 .. numGenerations-1}, growing by {@code 1 / rate} and ending at
     * {@code maxSteps}.
     */
    public List<Double> stepSchedule(double maxSteps, int population) {
        int generations = numGenerations(population);
        double minSteps = maxSteps * Math.pow(rate, generations);
        List<Double> steps = new ArrayList<>(generations);
        for (int index = 1; index < generations; index++) {
            steps.add(Math.ceil(minSteps / Math.pow(rate, index)));
        }
        steps.add(maxSteps);
        return steps;
    }

    /** Whether an asynchronous search opens a rung above {@code rung}: the synchronous schedule reaches it. */
    public boolean hasRungAbove(int rung, int population) {
        return rung + 1 < generationSizes(population).size();
    }

    // ------------------------------------------------------------------ who survives

    /** Python ato's ranking: a stable sort by metric, best first; NaN (and failed trials) rank last. */
    public <T> List<T> rank(List<T> evaluated, ToDoubleFunction<T> metric) {
        return rank(evaluated, metric, mode);
    }

    /** {@link #rank(List, ToDoubleFunction)} for a mode alone (a search without halving ranks the same way). */
    public static <T> List<T> rank(List<T> evaluated, ToDoubleFunction<T> metric, Mode mode) {
        List<T> ranked = new ArrayList<>(evaluated);
        ranked.sort((a, b) -> {
            double x = rankable(metric.applyAsDouble(a), mode);
            double y = rankable(metric.applyAsDouble(b), mode);
            // primitive comparison: -0.0 and 0.0 tie, as in Python's sort
            int ascending = x < y ? -1 : x > y ? 1 : 0;
            return mode == Mode.MAX ? -ascending : ascending;
        });
        return ranked;
    }

    /** The metric a failed trial counts with: the worst ({@code -Infinity} maximising, else {@code +Infinity}). */
    public static double worst(Mode mode) {
        return mode == Mode.MAX ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static double rankable(double metric, Mode mode) {
        return Double.isNaN(metric) ? worst(mode) : metric;
    }

    /** How many of a generation of {@code size} survive it: {@code floor(size * rate)}. */
    public int survivorCount(int size) {
        return (int) (size * rate);
    }

    /** The survivors of a ranked generation (best first): its first {@link #survivorCount}. */
    public <T> List<T> survivors(List<T> ranked) {
        return List.copyOf(ranked.subList(0, survivorCount(ranked.size())));
    }

    /**
     * The configs an asynchronous rung promotes now (ASHA): those of its finished results, ranked best first, that
     * lie within the top {@code rate} and were not promoted before.
     */
    public <T> List<T> promotions(List<T> rankedFinished, Predicate<T> alreadyPromoted) {
        return survivors(rankedFinished).stream().filter(alreadyPromoted.negate()).toList();
    }

    /**
     * What follows a finished generation of candidates ranked best first: the survivors, promoted, as the next
     * generation while at least {@code numMinSamples} of them remain; otherwise the single final re-evaluation
     * ({@link #finalCandidate}).
     */
    public Next next(List<ADict> ranked) {
        List<ADict> survivors = survivors(ranked).stream().map(Halving::promoted).toList();
        if (survivors.size() >= numMinSamples) {
            return new Next(survivors, false);
        }
        return new Next(List.of(finalCandidate(ranked)), true);
    }

    /**
     * The config re-evaluated at the end, from the last generation ranked best first: its best, promoted when it
     * survived (Python increments the winner in place, so the re-evaluation sees the incremented count).
     */
    public ADict finalCandidate(List<ADict> ranked) {
        ADict best = ranked.get(0);
        return survivorCount(ranked.size()) > 0 ? promoted(best) : best;
    }

    // ------------------------------------------------------------------ the generation counter

    /** A grid point as it runs in the first generation: a copy with {@code __num_halved__ = 0}. */
    public static ADict first(ADict point) {
        return point.copy().put(NUM_HALVED, 0);
    }

    /** A candidate as it runs in the next generation: a copy with {@code __num_halved__} incremented. */
    public static ADict promoted(ADict candidate) {
        return candidate.copy().put(NUM_HALVED, generation(candidate) + 1);
    }

    /**
     * The config a candidate stands for in every generation: a copy without its generation counter and its budget
     * ({@link #BUDGET}), so a survivor and the config it was one generation down compare equal.
     */
    public static ADict identity(ADict candidate) {
        ADict identity = candidate.copy();
        identity.remove(NUM_HALVED);
        identity.remove(BUDGET);
        return identity;
    }

    /** The generation a candidate (or trial config) runs in: its {@code __num_halved__}. */
    public static int generation(ADict candidate) {
        return candidate.getInt(NUM_HALVED);
    }

    // ------------------------------------------------------------------ brackets (Li et al. 2018)

    /**
     * How many of {@code size} configs a rung keeps when it keeps one in {@code eta}: {@code floor(size / eta)}, at
     * least the best one when {@code atLeastOne} (Optuna's successive-halving pruner).
     */
    public static int keep(int size, double eta, boolean atLeastOne) {
        int kept = (int) Math.floor(size / eta + 1e-9);
        return atLeastOne ? Math.max(1, kept) : kept;
    }

    /** The first {@code count} of a ranked list (all of it when shorter). */
    public static <T> List<T> top(List<T> ranked, int count) {
        return List.copyOf(ranked.subList(0, Math.min(count, ranked.size())));
    }

    /**
     * Hyperband's brackets (Li et al., JMLR 2018, Algorithm 1) for budgets from {@code minBudget} to
     * {@code maxBudget} ({@code R}) and reduction factor {@code eta}: {@code s_max = floor(log_eta(R / minBudget))},
     * and for {@code s = s_max .. 0} a bracket of {@code n = ceil((s_max + 1) / (s + 1) * eta^s)} configs at budget
     * {@code r = R eta^-s}, whose rung {@code i} runs {@code n_i = floor(n eta^-i)} configs at {@code r_i = r eta^i}.
     */
    public static List<Bracket> brackets(double minBudget, double maxBudget, double eta) {
        checkBudgets(minBudget, maxBudget, eta);
        int sMax = (int) Math.floor(Math.log(maxBudget / minBudget) / Math.log(eta) + 1e-9);
        List<Bracket> brackets = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            int n = (int) Math.ceil((sMax + 1.0) / (s + 1) * Math.pow(eta, s) - 1e-9);
            double r = maxBudget * Math.pow(eta, -s);
            List<Rung> rungs = new ArrayList<>();
            for (int i = 0; i <= s; i++) {
                rungs.add(new Rung((int) Math.floor(n * Math.pow(eta, -i) + 1e-9), r * Math.pow(eta, i)));
            }
            brackets.add(new Bracket(s, rungs));
        }
        return brackets;
    }

    /**
     * One bracket of synchronous successive halving: {@code n} configs at {@code minBudget}, keeping one in
     * {@code eta} per rung while the budget, growing by {@code eta}, stays within {@code maxBudget} (the last rung
     * runs at {@code maxBudget}).
     */
    public static Bracket bracket(int n, double minBudget, double maxBudget, double eta) {
        checkBudgets(minBudget, maxBudget, eta);
        if (n < 1) {
            throw new AtoConfigException("successive halving needs at least 1 config, got " + n);
        }
        List<Rung> rungs = new ArrayList<>();
        int size = n;
        double budget = minBudget;
        while (size >= 1) {
            boolean last = budget * eta > maxBudget * (1 + 1e-9) || keep(size, eta, false) < 1;
            rungs.add(new Rung(size, last ? maxBudget : budget));
            if (last) {
                break;
            }
            size = keep(size, eta, false);
            budget *= eta;
        }
        return new Bracket(rungs.size() - 1, rungs);
    }

    private static void checkBudgets(double minBudget, double maxBudget, double eta) {
        if (!(minBudget > 0) || !(maxBudget >= minBudget) || Double.isInfinite(maxBudget)) {
            throw new AtoConfigException("budgets need 0 < minBudget <= maxBudget, got " + minBudget + " and "
                    + maxBudget);
        }
        if (!(eta > 1) || Double.isInfinite(eta)) {
            throw new AtoConfigException("the reduction factor eta must be above 1, got " + eta + "; 3 is usual");
        }
    }

    /**
     * One bracket: its {@code s} and its rungs, the first holding the configs sampled for it.
     *
     * @param s     Hyperband's bracket index (the number of halvings it performs)
     * @param rungs the rungs, from the smallest budget to the largest
     */
    public record Bracket(int s, List<Rung> rungs) {

        public Bracket {
            rungs = List.copyOf(rungs);
        }
    }

    /**
     * One rung of a bracket.
     *
     * @param size   how many configs run on it ({@code n_i})
     * @param budget the budget each gets ({@code r_i})
     */
    public record Rung(int size, double budget) {
    }

    /**
     * What follows a generation.
     *
     * @param candidates the next generation, or the one config re-evaluated at the end
     * @param isFinal    whether {@code candidates} is the final re-evaluation
     */
    public record Next(List<ADict> candidates, boolean isFinal) {
    }
}
