package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Decides, from the values trials reported along the way ({@link Trial#report}), whether a running trial should
 * stop early ({@link Trial#shouldStop}). The built-in pruners are {@link #median} and {@link #successiveHalving};
 * {@link #none} never prunes.
 */
public interface Pruner {

    /**
     * Whether the trial whose reports are {@code mine} (step to value, the latest last) should stop now.
     *
     * @param others the reports of the search's other trials, each with whether that trial finished its budget
     */
    boolean prune(NavigableMap<Long, Double> mine, List<Reports> others, Mode mode);

    /** How a tracked search stores this pruner; see {@link Sampler#spec()}. */
    default ADict spec() {
        return new ADict().put("type", "class").put("class", getClass().getName());
    }

    /**
     * One other trial's reports.
     *
     * @param values   step to reported value
     * @param complete whether the trial ran its whole budget (neither pruned nor failed nor running)
     */
    record Reports(NavigableMap<Long, Double> values, boolean complete) {
    }

    /** Never prunes. */
    static Pruner none() {
        return new None();
    }

    /**
     * Optuna's {@code MedianPruner}: after {@code startupTrials} complete trials and from step {@code warmupSteps},
     * a trial stops when its best value so far is worse than the median of the complete trials' values at the same
     * step.
     */
    static Pruner median(int startupTrials, long warmupSteps) {
        if (startupTrials < 0 || warmupSteps < 0) {
            throw new AtoConfigException("the median pruner needs startupTrials >= 0 and warmupSteps >= 0, got "
                    + startupTrials + " and " + warmupSteps);
        }
        return new Median(startupTrials, warmupSteps);
    }

    /**
     * Asynchronous successive halving inside trials (Optuna's {@code SuccessiveHalvingPruner}, ASHA): rungs at steps
     * {@code minResource * eta^k}; a trial reaching a rung continues only when its value there is among the best
     * {@code 1 / eta} of every trial that reached it ({@link Halving#keep}, at least the best).
     */
    static Pruner successiveHalving(long minResource, double eta) {
        if (minResource < 1 || !(eta > 1)) {
            throw new AtoConfigException("the successive-halving pruner needs minResource >= 1 and eta > 1, got "
                    + minResource + " and " + eta);
        }
        return new SuccessiveHalving(minResource, eta);
    }

    /** The pruner a stored description names. */
    static Pruner from(ADict spec) {
        String type = String.valueOf(spec.getOrDefault("type", "none"));
        return switch (type) {
            case "none" -> none();
            case "median" -> median(spec.getInt("startup_trials"), spec.getLong("warmup_steps"));
            case "successive_halving" -> successiveHalving(spec.getLong("min_resource"), spec.getDouble("eta"));
            case "class" -> {
                try {
                    yield (Pruner) Class.forName(spec.getString("class"), true,
                            Thread.currentThread().getContextClassLoader()).getConstructor().newInstance();
                } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                    throw new AtoConfigException("cannot rebuild pruner class '" + spec.getString("class")
                            + "' (it needs a public no-argument constructor): " + e, e);
                }
            }
            default -> throw new AtoConfigException("unknown pruner type '" + type
                    + "'; expected none, median, successive_halving or class");
        };
    }

    /** See {@link #none()}. */
    record None() implements Pruner {
        @Override
        public boolean prune(NavigableMap<Long, Double> mine, List<Reports> others, Mode mode) {
            return false;
        }

        @Override
        public ADict spec() {
            return new ADict().put("type", "none");
        }
    }

    /** See {@link #median}. */
    record Median(int startupTrials, long warmupSteps) implements Pruner {
        @Override
        public boolean prune(NavigableMap<Long, Double> mine, List<Reports> others, Mode mode) {
            if (mine.isEmpty()) {
                return false;
            }
            long step = mine.lastKey();
            List<Reports> complete = others.stream().filter(Reports::complete).toList();
            if (complete.size() < startupTrials || step < warmupSteps) {
                return false;
            }
            List<Double> atStep = new ArrayList<>();
            complete.forEach(r -> {
                Double v = r.values().get(step);
                if (v != null && !v.isNaN()) {
                    atStep.add(v);
                }
            });
            if (atStep.isEmpty()) {
                return false;
            }
            double best = Double.NaN;
            for (double v : mine.values()) {
                if (!Double.isNaN(v) && (Double.isNaN(best) || (mode == Mode.MAX ? v > best : v < best))) {
                    best = v;
                }
            }
            if (Double.isNaN(best)) {
                return true;
            }
            atStep.sort(null);
            int n = atStep.size();
            double median = n % 2 == 1 ? atStep.get(n / 2) : 0.5 * (atStep.get(n / 2 - 1) + atStep.get(n / 2));
            return mode == Mode.MAX ? best < median : best > median;
        }

        @Override
        public ADict spec() {
            return new ADict().put("type", "median").put("startup_trials", startupTrials)
                    .put("warmup_steps", warmupSteps);
        }
    }

    /** See {@link #successiveHalving}. */
    record SuccessiveHalving(long minResource, double eta) implements Pruner {
        @Override
        public boolean prune(NavigableMap<Long, Double> mine, List<Reports> others, Mode mode) {
            if (mine.isEmpty()) {
                return false;
            }
            long step = mine.lastKey();
            // the highest rung this report reaches; the trial is judged once per rung, when it first reaches it
            int rung = -1;
            for (double r = minResource; r <= step; r *= eta) {
                rung++;
            }
            if (rung < 0) {
                return false;
            }
            long rungStep = (long) Math.ceil(minResource * Math.pow(eta, rung) - 1e-9);
            Map.Entry<Long, Double> before = mine.lowerEntry(step);
            if (before != null && before.getKey() >= rungStep) {
                return false;
            }
            double value = mine.get(step);
            List<Double> competing = new ArrayList<>(List.of(value));
            for (Reports other : others) {
                Map.Entry<Long, Double> reached = other.values().ceilingEntry(rungStep);
                if (reached != null) {
                    competing.add(reached.getValue());
                }
            }
            List<Double> ranked = Halving.rank(competing, Double::doubleValue, mode);
            int kept = Halving.keep(ranked.size(), eta, true);
            double threshold = ranked.get(kept - 1);
            if (Double.isNaN(value)) {
                return true;
            }
            return mode == Mode.MAX ? value < threshold : value > threshold;
        }

        @Override
        public ADict spec() {
            return new ADict().put("type", "successive_halving").put("min_resource", minResource).put("eta", eta);
        }
    }
}
