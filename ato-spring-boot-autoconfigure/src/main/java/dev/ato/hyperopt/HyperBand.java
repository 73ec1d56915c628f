package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;

/**
 * Python ato's HyperBand: successive halving over the whole grid of a {@link SearchSpace}.
 *
 * <p>Every config of a generation is evaluated and ranked; the top {@code floor(n * halvingRate)} go on to the next
 * generation with {@code __num_halved__} incremented, until fewer than {@code numMinSamples} remain. The best config
 * of the last generation is then evaluated once more and returned. A trial reads {@code __num_halved__} (its
 * generation) to size its budget, for example with {@link #stepsFor}.
 */
public final class HyperBand extends SearchStrategy {

    /** The key holding how many halvings a config survived: 0 in the first generation ({@link Halving#NUM_HALVED}). */
    public static final String NUM_HALVED = Halving.NUM_HALVED;

    private final Halving halving;
    private final int gridSize;

    /**
     * @param halvingRate   the fraction of each generation kept, strictly between 0 and 1
     * @param numMinSamples the smallest generation still evaluated, at least 1 and below the grid size
     * @throws AtoConfigException when a setting is out of range or the grid is empty, before any trial runs
     */
    public HyperBand(SearchSpace space, double halvingRate, int numMinSamples, Mode mode) {
        super(space, mode);
        this.halving = new Halving(halvingRate, numMinSamples, mode);
        this.gridSize = space.size();
        if (gridSize == 0) {
            throw new AtoConfigException("HyperBand search space " + space.names() + " has an empty grid (a "
                    + "parameter with num_samples 0 or no categories); give every parameter at least one value");
        }
        if (gridSize <= numMinSamples) {
            throw new AtoConfigException("HyperBand numMinSamples (" + numMinSamples + ") must be smaller than the grid"
                    + " size (" + gridSize + "), or nothing would be halved; lower numMinSamples or sample more");
        }
    }

    /** The halving rule this search follows. */
    public Halving halving() {
        return halving;
    }

    /** The fraction of each generation kept for the next. */
    public double halvingRate() {
        return halving.rate();
    }

    /** The smallest generation still evaluated. */
    public int numMinSamples() {
        return halving.numMinSamples();
    }

    /** Python ato's {@code num_generations}: {@code ceil(log(numMinSamples / gridSize) / log(halvingRate))}. */
    public int numGenerations() {
        return halving.numGenerations(gridSize);
    }

    /**
     * Python ato's {@code compute_optimized_initial_training_steps}: the training steps for generations
     * {@code 0 .. numGenerations()-1}, growing by {@code 1 / halvingRate} and ending at {@code maxSteps}.
     */
    public List<Long> optimizedSteps(long maxSteps) {
        if (maxSteps < 1) {
            throw new AtoConfigException("maxSteps must be at least 1, got " + maxSteps);
        }
        return stepSchedule(maxSteps).stream().map(Double::longValue).toList();
    }

    /**
     * The steps for a trial config's generation: {@code optimizedSteps(maxSteps)} at its {@code __num_halved__},
     * and {@code maxSteps} for generations past the schedule (the final re-evaluation, or an extra generation that
     * integer truncation of the population leaves).
     */
    public long stepsFor(ADict trialConfig, long maxSteps) {
        List<Long> steps = optimizedSteps(maxSteps);
        return steps.get(Math.min(Halving.generation(trialConfig), steps.size() - 1));
    }

    /**
     * The sizes of the generations evaluated before the final re-evaluation: the grid, then {@code floor(n * rate)}
     * while at least {@code numMinSamples} remain (one more than {@link #numGenerations()} when the ratio is exact).
     */
    List<Integer> generationSizes() {
        return halving.generationSizes(gridSize);
    }

    /** The schedule for any {@code maxSteps}, Python's arithmetic (and its float last entry) unchanged. */
    List<Double> stepSchedule(double maxSteps) {
        return halving.stepSchedule(maxSteps, gridSize);
    }

    @Override
    protected List<List<ADict>> search(List<ADict> candidates, Trials trials) {
        List<ADict> population = candidates.stream().map(Halving::first).toList();
        List<List<ADict>> logs = new ArrayList<>();
        while (true) {
            List<ADict> ranked = trials.rank(trials.evaluateAll(population));
            logs.add(ranked);
            Halving.Next next = halving.next(ranked);
            if (next.isFinal()) {
                logs.add(List.of(trials.evaluate(next.candidates().get(0))));
                return logs;
            }
            population = next.candidates();
        }
    }
}
