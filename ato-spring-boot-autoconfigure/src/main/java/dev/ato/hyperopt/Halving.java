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

    /** The metric a failed trial counts with: the worst possible ({@code -Infinity} maximising, else {@code +Infinity}). */
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

    /** The generation a candidate (or trial config) runs in: its {@code __num_halved__}. */
    public static int generation(ADict candidate) {
        return candidate.getInt(NUM_HALVED);
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
