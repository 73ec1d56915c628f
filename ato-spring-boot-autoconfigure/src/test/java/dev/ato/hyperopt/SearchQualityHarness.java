package dev.ato.hyperopt;

import dev.ato.adict.ADict;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The search-quality harness of issue 19 (not a test): Ato's samplers and plans on {@link Fidelity}'s Branin and
 * Hartmann-6 at equal budgets, over many seeds; {@code bench/search/optuna_baseline.py} does the same for Optuna
 * 3.1 and {@code bench/search/report.py} turns both into the table and plot of docs/benchmarks.md.
 *
 * <p>Budget unit: one step at fidelity 1; a full evaluation costs {@code R = 27}. Every method gets
 * {@code 100 R}. A trial of a bracket plan runs once at its budget {@code b} ({@code y(x, b)}, costing {@code b}); a
 * trial of a trials plan reports {@code y(x, t)} at every step {@code t = 1..R} and stops when its pruner says so
 * (costing the steps it ran). The incumbent after each trial is the config with the best observed value among the
 * trials that ran at the largest budget reached so far; its regret {@code f(x) - f*} (without noise) is written.
 *
 * <p>Run: {@code java -cp <test classpath> dev.ato.hyperopt.SearchQualityHarness <seeds> <out.csv> [methods...]}
 * (see bench/search/run.sh). Output lines: {@code method,function,seed,spent,regret}.
 */
public final class SearchQualityHarness {

    static final int R = 27;
    static final double BUDGET = 100.0 * R;

    private SearchQualityHarness() {
    }

    /** One method: a tuner for a function and seed. */
    record Method(String name, boolean stepwise, java.util.function.BiFunction<Fidelity, Long, Tuner> tuner) {
    }

    static List<Method> methods() {
        List<Method> methods = new ArrayList<>();
        methods.add(new Method("ato-random", false, (f, seed) -> Tuner.builder(f.domain()).sampler(Samplers.random())
                .plan(Plan.trials(100, R, Pruner.none())).seed(seed).build()));
        methods.add(new Method("ato-grid-sh", false, (f, seed) -> {
            SearchSpace grid = f == Fidelity.BRANIN ? f.grid(20) : f.grid(3);
            return Tuner.builder(Domain.of(grid)).sampler(Samplers.grid(grid))
                    .plan(Plan.successiveHalving(grid.size(), 1, R, 3)).seed(seed).build();
        }));
        methods.add(new Method("ato-hyperband", false, (f, seed) -> Tuner.builder(f.domain())
                .sampler(Samplers.random()).plan(Plan.hyperband(1, R, 3, 8)).seed(seed).build()));
        methods.add(new Method("ato-bohb", false, (f, seed) -> Tuner.builder(f.domain()).sampler(Samplers.bohb())
                .plan(Plan.hyperband(1, R, 3, 8)).seed(seed).build()));
        methods.add(new Method("ato-tpe", false, (f, seed) -> Tuner.builder(f.domain()).sampler(Samplers.tpe())
                .plan(Plan.trials(100, R, Pruner.none())).seed(seed).build()));
        methods.add(new Method("ato-tpe-median", true, (f, seed) -> Tuner.builder(f.domain())
                .sampler(Samplers.tpe()).plan(Plan.trials(5000, R, Pruner.median(5, 1))).seed(seed).build()));
        methods.add(new Method("ato-tpe-asha", true, (f, seed) -> Tuner.builder(f.domain())
                .sampler(Samplers.tpe()).plan(Plan.trials(5000, R, Pruner.successiveHalving(1, 3))).seed(seed)
                .build()));
        methods.add(new Method("ato-mtpe-asha", true, (f, seed) -> Tuner.builder(f.domain())
                .sampler(Samplers.tpe(true, 10, 24)).plan(Plan.trials(5000, R, Pruner.successiveHalving(1, 3)))
                .seed(seed).build()));
        return methods;
    }

    /** The budget is spent: ends the search (the harness has recorded everything it needs). */
    static final class Spent extends RuntimeException {
        Spent() {
            super("budget spent", null, false, false);
        }
    }

    /** Runs one method on one function and seed; returns (spent, regret) after every trial. */
    static List<double[]> run(Method method, Fidelity function, long seed) {
        SplittableRandom noise = new SplittableRandom(seed * 7919 + function.ordinal());
        List<double[]> curve = new ArrayList<>();
        double[] spent = {0};
        double[] incumbent = {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN}; // budget, observed, regret
        Tuner tuner = method.tuner().apply(function, seed);
        Tuner stopping = Tuner.builder(tuner.domain()).sampler(tuner.sampler()).plan(tuner.plan()).mode(tuner.mode())
                .seed(tuner.seed()).stopOnFirstFailure(true).build();
        try {
            stopping.run(new ADict(), trial -> {
                if (spent[0] >= BUDGET) {
                    throw new Spent();
                }
                ADict x = trial.config();
                double budget = trial.budget();
                double value;
                double used;
                if (method.stepwise()) {
                    value = Double.NaN;
                    int step = 0;
                    while (step < budget && spent[0] + step < BUDGET) {
                        step++;
                        value = function.observe(x, step, noise);
                        trial.report(step, value);
                        if (trial.shouldStop()) {
                            break;
                        }
                    }
                    used = step;
                } else {
                    used = Math.min(budget, BUDGET - spent[0]);
                    value = function.observe(x, budget, noise);
                }
                spent[0] += used;
                // the incumbent: best observation among trials at the largest budget reached (fully run)
                if (used >= budget) {
                    if (Double.isNaN(incumbent[0]) || budget > incumbent[0]
                            || (budget == incumbent[0] && value < incumbent[1])) {
                        incumbent[0] = budget;
                        incumbent[1] = value;
                        incumbent[2] = function.regret(x);
                    }
                }
                curve.add(new double[] {spent[0], incumbent[2]});
                return value;
            });
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof Spent) && !(e instanceof Spent)) {
                throw e;
            }
        }
        return curve;
    }

    public static void main(String[] args) throws IOException {
        int seeds = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<String> only = List.of(args).subList(2, args.length);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("method,function,seed,spent,regret");
            for (Method method : methods()) {
                if (!only.isEmpty() && !only.contains(method.name())) {
                    continue;
                }
                long started = System.nanoTime();
                for (Fidelity function : Fidelity.values()) {
                    for (long seed = 0; seed < seeds; seed++) {
                        for (double[] point : run(method, function, seed)) {
                            w.printf(Locale.ROOT, "%s,%s,%d,%.1f,%.6g%n", method.name(), function.name().toLowerCase(
                                    Locale.ROOT), seed, point[0], point[1]);
                        }
                    }
                }
                System.err.printf(Locale.ROOT, "%s: %.1f s%n", method.name(), (System.nanoTime() - started) / 1e9);
            }
        }
    }
}
