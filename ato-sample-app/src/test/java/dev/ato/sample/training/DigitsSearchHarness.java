package dev.ato.sample.training;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.hyperopt.Domain;
import dev.ato.hyperopt.Plan;
import dev.ato.hyperopt.Pruner;
import dev.ato.hyperopt.Samplers;
import dev.ato.hyperopt.SearchSpace;
import dev.ato.hyperopt.Tuner;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The digits benchmark of issue 19 (not a test): Ato's samplers and plans tune the sample app's digits training
 * ({@link DigitsObjective}: learning rate, optimiser, minibatch size, L2; budget = epochs) at equal budgets over
 * many seeds. {@code bench/search/optuna_digits.py} does the same with Optuna 3.1 through
 * {@link DigitsObjectiveServer}, so both sides evaluate the same Java training; {@code bench/search/report.py} turns
 * both into the table and plot of docs/benchmarks.md.
 *
 * <p>Budget: one epoch is one unit, a full evaluation is {@code R = 27} epochs, every run gets {@link #FULL_RUNS}
 * full evaluations. A trial of a bracket plan trains for its budget {@code b} epochs (costing {@code b}; a config
 * promoted to a larger budget trains again from scratch, as in the paper); a trial with a pruner reports the
 * validation error after every epoch and stops when the pruner says so (costing the epochs it ran). The incumbent
 * after each trial is the config with the lowest validation error among the trials that ran at the largest budget
 * reached so far (what a user would pick); written is its validation error after the full {@code R} epochs. An
 * incumbent found at a smaller budget (Hyperband's and the grid's early rungs) is trained for {@code R} epochs after
 * the fact for that, outside the budget: a config's error after 9 epochs, picked as the lowest of many, is not what
 * training it fully gives.
 *
 * <p>Run: {@code java -cp <sample app test classpath> dev.ato.sample.training.DigitsSearchHarness <seeds> <out.csv>
 * [methods...]} (see bench/search/digits.sh). Output lines: {@code method,function,seed,spent,regret} with
 * {@code function = digits} and the incumbent's validation error in the last column (the columns of the synthetic
 * harness, so one report script reads both).
 */
public final class DigitsSearchHarness {

    static final int R = 27;
    static final int FULL_RUNS = 30;
    static final double BUDGET = (double) FULL_RUNS * R;

    private DigitsSearchHarness() {
    }

    /** The parameters every sampled method tunes. */
    static Domain domain() {
        return Domain.builder().logFloats("lr", 1e-4, 1).choice("optimiser", DigitsObjective.OPTIMISERS)
                .logIntegers("minibatch_size", 8, 256).logFloats("l2", 1e-6, 1e-1).build();
    }

    /** Python ato's way: a grid of 6 × 3 × 4 × 4 = 288 points. */
    static SearchSpace grid() {
        return SearchSpace.builder().logFloats("lr", 1e-4, 1, 6).categories("optimiser", DigitsObjective.OPTIMISERS)
                .logIntegers("minibatch_size", 8, 256, 4).logFloats("l2", 1e-6, 1e-1, 4).build();
    }

    /** One method: whether its trials report every epoch, and its tuner for a seed. */
    record Method(String name, boolean stepwise, LongFunction<Tuner> tuner) {
    }

    static Map<String, Method> methods() {
        Map<String, Method> methods = new LinkedHashMap<>();
        List<Method> all = List.of(
                new Method("ato-tpe-asha", true, seed -> Tuner.builder(domain()).sampler(Samplers.tpe())
                        .plan(Plan.trials(5000, R, Pruner.successiveHalving(1, 3))).mode(Mode.MIN).seed(seed)
                        .build()),
                new Method("ato-mtpe-asha", true, seed -> Tuner.builder(domain()).sampler(Samplers.tpe(true, 10, 24))
                        .plan(Plan.trials(5000, R, Pruner.successiveHalving(1, 3))).mode(Mode.MIN).seed(seed)
                        .build()),
                new Method("ato-bohb", false, seed -> Tuner.builder(domain()).sampler(Samplers.bohb())
                        .plan(Plan.hyperband(1, R, 3, 8)).mode(Mode.MIN).seed(seed).build()),
                new Method("ato-random", false, seed -> Tuner.builder(domain()).sampler(Samplers.random())
                        .plan(Plan.trials(1000, R, Pruner.none())).mode(Mode.MIN).seed(seed).build()),
                new Method("ato-grid-sh", false, seed -> Tuner.builder(Domain.of(grid()))
                        .sampler(Samplers.grid(grid())).plan(Plan.successiveHalving(grid().size(), 1, R, 3))
                        .mode(Mode.MIN).seed(seed).build()));
        all.forEach(m -> methods.put(m.name(), m));
        return methods;
    }

    /** The budget is spent: ends the search (the harness has recorded everything it needs). */
    private static final class Spent extends RuntimeException {
        Spent() {
            super("budget spent", null, false, false);
        }
    }

    static DigitsObjective.Params params(ADict config) {
        return new DigitsObjective.Params(((Number) config.get("lr")).doubleValue(),
                String.valueOf(config.get("optimiser")), ((Number) config.get("minibatch_size")).intValue(),
                ((Number) config.get("l2")).doubleValue());
    }

    /** Runs one method for one seed; returns (spent, incumbent's validation error) after every trial. */
    static List<double[]> run(DigitsObjective objective, Method method, long seed) {
        List<double[]> curve = new ArrayList<>();
        double[] spent = {0};
        double[] incumbent = {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN}; // budget, observed, error after R
        Map<DigitsObjective.Params, Double> full = new java.util.HashMap<>();
        Tuner tuner = method.tuner().apply(seed);
        Tuner stopping = Tuner.builder(tuner.domain()).sampler(tuner.sampler()).plan(tuner.plan()).mode(tuner.mode())
                .seed(tuner.seed()).stopOnFirstFailure(true).build();
        try {
            stopping.run(new ADict(), trial -> {
                if (spent[0] >= BUDGET) {
                    throw new Spent();
                }
                DigitsObjective.Params x = params(trial.config());
                int budget = (int) Math.round(trial.budget());
                int allowed = (int) Math.min(budget, BUDGET - spent[0]);
                double[] value = {Double.NaN};
                int used = objective.train(x, budget, (epoch, error) -> {
                    value[0] = error;
                    if (method.stepwise()) {
                        trial.report(epoch, error);
                        if (trial.shouldStop()) {
                            return false;
                        }
                    }
                    return epoch < allowed;
                });
                spent[0] += used;
                if (used >= budget && (Double.isNaN(incumbent[0]) || budget > incumbent[0]
                        || (budget == incumbent[0] && value[0] < incumbent[1]))) {
                    incumbent[0] = budget;
                    incumbent[1] = value[0];
                    incumbent[2] = budget >= R ? value[0] : full.computeIfAbsent(x, p -> errorAfter(objective, p));
                }
                curve.add(new double[] {spent[0], incumbent[2]});
                return value[0];
            });
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof Spent) && !(e instanceof Spent)) {
                throw e;
            }
        }
        return curve;
    }

    /** The validation error of {@code params} after {@code R} epochs. */
    private static double errorAfter(DigitsObjective objective, DigitsObjective.Params params) {
        double[] last = {Double.NaN};
        objective.train(params, R, (epoch, error) -> {
            last[0] = error;
            return true;
        });
        return last[0];
    }

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<String> only = List.of(args).subList(2, args.length);
        DigitsObjective objective = new DigitsObjective();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("method,function,seed,spent,regret");
            for (Method method : methods().values()) {
                if (!only.isEmpty() && !only.contains(method.name())) {
                    continue;
                }
                long started = System.nanoTime();
                for (long seed = 0; seed < seeds; seed++) {
                    for (double[] point : run(objective, method, seed)) {
                        w.printf(Locale.ROOT, "%s,digits,%d,%.1f,%.6g%n", method.name(), seed, point[0], point[1]);
                    }
                    w.flush();
                }
                System.err.printf(Locale.ROOT, "%s: %.1f s%n", method.name(), (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
