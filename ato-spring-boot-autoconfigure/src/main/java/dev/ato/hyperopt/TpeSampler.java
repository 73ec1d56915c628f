package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The tree-structured Parzen estimator (Bergstra et al., NeurIPS 2011) as Optuna 3.1's {@code TPESampler} does it:
 * after {@code startup} random trials the observations are split into the best {@code gamma(n)} and the rest, a
 * Parzen estimator is fitted to each ({@code l} and {@code g}), {@code candidates} draws from {@code l} are scored by
 * {@code log l(x) - log g(x)} and the best is proposed. Independent per parameter by default, jointly with
 * {@code multivariate}. With {@code budgetAware} (BOHB, Falkner et al. 2018) the model is fitted on the largest
 * budget that has enough observations, and a fraction of proposals stays random.
 */
final class TpeSampler implements Sampler {

    private final boolean multivariate;
    private final int startup;
    private final int candidates;
    private final boolean budgetAware;
    private final double randomFraction;
    private final double gamma;
    private final double bandwidth;

    TpeSampler(boolean multivariate, int startup, int candidates, boolean budgetAware, double randomFraction,
            double gamma, double bandwidth) {
        this.multivariate = multivariate;
        this.startup = startup;
        this.candidates = candidates;
        this.budgetAware = budgetAware;
        this.randomFraction = randomFraction;
        this.gamma = gamma;
        this.bandwidth = bandwidth;
    }

    @Override
    public ADict sample(SamplingContext context) {
        Domain domain = context.domain();
        SplittableRandom random = context.random();
        List<Observation> history = context.history();
        if (budgetAware) {
            history = largestBudgetWithEnough(history, domain.size() + 3);
            if (history.isEmpty() || random.nextDouble() < randomFraction) {
                return domain.sample(random);
            }
        }
        if (history.size() < startup) {
            return domain.sample(random);
        }
        List<Integer> order = ranked(history, context.mode());
        int below = Math.min(history.size() - 1, belowCount(history.size(), domain.size()));
        boolean[] isBelow = new boolean[history.size()];
        for (int i = 0; i < below; i++) {
            isBelow[order.get(i)] = true;
        }
        double[][] x = new double[history.size()][];
        for (int i = 0; i < history.size(); i++) {
            x[i] = domain.internal(history.get(i).params());
        }
        List<Distribution> dims = new ArrayList<>(domain.parameters().values());
        double[] proposal = new double[dims.size()];
        if (multivariate) {
            proposal = best(dims, x, isBelow, random, all(dims.size()));
        } else {
            for (int d = 0; d < dims.size(); d++) {
                proposal[d] = best(dims, x, isBelow, random, new int[] {d})[0];
            }
        }
        return domain.values(proposal);
    }

    /** The best of {@code candidates} draws from {@code l} over the given parameters, by {@code log l - log g}. */
    private double @Nullable[] best(List<Distribution> all, double[][] x, boolean[] isBelow, SplittableRandom random,
            int[] which) {
        List<Distribution> dims = new ArrayList<>();
        for (int d : which) {
            dims.add(all.get(d));
        }
        Parzen l = fit(dims, x, isBelow, true, which, 1.0);
        Parzen g = fit(dims, x, isBelow, false, which, 1.0);
        Parzen draw = bandwidth == 1.0 ? l : fit(dims, x, isBelow, true, which, bandwidth);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < candidates; c++) {
            double[] candidate = draw.sample(random);
            double score = l.logDensity(candidate) - g.logDensity(candidate);
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    private Parzen fit(List<Distribution> dims, double[][] x, boolean[] isBelow, boolean below, int[] which,
            double bandwidth) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (isBelow[i] == below) {
                double[] point = new double[which.length];
                for (int j = 0; j < which.length; j++) {
                    point[j] = x[i][which[j]];
                }
                points.add(point);
            }
        }
        return new Parzen(dims, points.toArray(new double[0][]), weights(points.size()), bandwidth, budgetAware);
    }

    /** Optuna's default weights: equal for up to 25 observations, else a ramp up to the latest 25. */
    static double[] weights(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int ramp = n - 25;
            w[i] = n < 25 || i >= ramp ? 1.0 : (ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1));
        }
        return w;
    }

    /** Optuna's {@code gamma}: {@code min(ceil(0.1 n), 25)}; BOHB's: at least {@code d + 1}, a fraction 0.15. */
    private int belowCount(int n, int dims) {
        int count = (int) Math.ceil(gamma * n);
        return budgetAware ? Math.max(dims + 1, count) : Math.min(count, 25);
    }

    /**
     * Observation indices best first: finished trials by loss, then pruned ones by the step they reached (further
     * is better) and their last value, as Optuna 3.1 orders them.
     */
    private static List<Integer> ranked(List<Observation> history, Mode mode) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> history.get(i).pruned() ? 1 : 0)
                .thenComparingDouble(i -> history.get(i).pruned() ? -history.get(i).budget() : 0)
                .thenComparingDouble(i -> history.get(i).loss(mode)));
        return order;
    }

    private static List<Observation> largestBudgetWithEnough(List<Observation> history, int enough) {
        Map<Double, List<Observation>> byBudget = new TreeMap<>(Comparator.reverseOrder());
        for (Observation o : history) {
            if (!o.pruned()) {
                byBudget.computeIfAbsent(o.budget(), b -> new ArrayList<>()).add(o);
            }
        }
        for (List<Observation> observations : byBudget.values()) {
            if (observations.size() >= enough) {
                return observations;
            }
        }
        return List.of();
    }

    private static int[] all(int n) {
        int[] which = new int[n];
        for (int i = 0; i < n; i++) {
            which[i] = i;
        }
        return which;
    }

    @Override
    public ADict spec() {
        return new ADict().put("type", budgetAware ? "bohb" : "tpe").put("multivariate", multivariate)
                .put("startup", startup).put("candidates", candidates).put("random_fraction", randomFraction)
                .put("gamma", gamma).put("bandwidth", bandwidth);
    }
}
