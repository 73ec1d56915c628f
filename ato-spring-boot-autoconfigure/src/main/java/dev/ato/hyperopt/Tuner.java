package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Supplier;
import dev.ato.hyperopt.TuningResult.TrialSummary;

/**
 * A sampled search: a {@link Domain} of parameters, a {@link Sampler} proposing values, a {@link Plan} spending the
 * budget, whether larger or smaller results are better, and a seed that makes it reproducible.
 *
 * <pre>{@code
 * Tuner tuner = Tuner.builder(Domain.builder().logFloats("lr", 1e-4, 1).floats("momentum", 0, 0.99).build())
 *         .sampler(Samplers.tpe()).plan(Plan.hyperband(1, 27, 3)).mode(Mode.MIN).seed(7).build();
 * TuningResult result = tuner.run(base, trial -> train(trial.config(), (int) trial.budget()));
 * }</pre>
 *
 * {@link #run} searches in this thread, untracked; {@link Searches#tune} records the search in the tracker's
 * database, resumable and shared by workers. Immutable; a tuner may run many searches.
 */
public final class Tuner {

    private final Domain domain;
    private final Sampler sampler;
    private final Plan plan;
    private final Mode mode;
    private final long seed;
    private final boolean stopOnFirstFailure;

    private Tuner(Domain domain, Sampler sampler, Plan plan, Mode mode, long seed, boolean stopOnFirstFailure) {
        this.domain = domain;
        this.sampler = sampler;
        this.plan = plan;
        this.mode = mode;
        this.seed = seed;
        this.stopOnFirstFailure = stopOnFirstFailure;
    }

    /** A builder over {@code domain}: TPE, 100 trials of budget 1 without pruning, minimising, seed 0. */
    public static Builder builder(Domain domain) {
        return new Builder(domain);
    }

    /** The parameters searched. */
    public Domain domain() {
        return domain;
    }

    /** The sampler proposing values. */
    public Sampler sampler() {
        return sampler;
    }

    /** How the budget is spent. */
    public Plan plan() {
        return plan;
    }

    /** Whether larger or smaller results are better. */
    public Mode mode() {
        return mode;
    }

    /** The seed every proposal's random generator derives from. */
    public long seed() {
        return seed;
    }

    /** Whether a trial that throws ends the search. */
    public boolean isStopOnFirstFailure() {
        return stopOnFirstFailure;
    }

    /** Searches in this thread with every trial's config built on a copy of {@code base}. */
    public TuningResult run(ADict base, TrialFunction function) {
        ADict snapshot = base.copy();
        return run(() -> snapshot, function);
    }

    /** Searches in this thread with every trial's config built on a fresh {@code base.get()}. */
    public TuningResult run(Supplier<ADict> base, TrialFunction function) {
        Objects.requireNonNull(function, "function");
        Planner planner = planner();
        List<TrialRow> rows = new ArrayList<>();
        Map<Long, NavigableMap<Long, Double>> reports = new HashMap<>();
        List<TrialSummary> finished = new ArrayList<>();
        while (true) {
            Planner.Decision decision = planner.next(rows);
            for (Planner.NewTrial added : decision.added()) {
                rows.add(new TrialRow(rows.size(), added.generation(), rows.size(), false, added.candidate(),
                        TrialRow.PENDING, Double.NaN, null, null, false));
            }
            TrialRow next = rows.stream().filter(r -> r.status().equals(TrialRow.PENDING))
                    .min(Comparator.comparingInt(TrialRow::generation).reversed()
                            .thenComparingLong(TrialRow::id)).orElse(null);
            if (next == null) {
                if (decision.done() || decision.added().isEmpty()) {
                    break;
                }
                continue;
            }
            ADict config = base.get().copy().merge(next.candidate());
            Trial trial = new Trial(Planner.number(next), config, Planner.budget(next), pruner(), mode,
                    () -> others(rows, reports, next.id()), (step, value) -> { });
            TrialRow done = evaluate(next, trial, function);
            reports.put(next.id(), trial.reports());
            rows.set((int) next.id(), done);
            finished.add(summary(done, null));
        }
        return result(planner, rows, finished, base.get());
    }

    private TrialRow evaluate(TrialRow row, Trial trial, TrialFunction function) {
        double value;
        try {
            value = function.run(trial);
        } catch (RuntimeException e) {
            if (stopOnFirstFailure) {
                throw new AtoException("trial " + Planner.number(row) + " failed for " + row.candidate().toMap()
                        + "; the search stopped because stopOnFirstFailure is set", e);
            }
            return with(row, TrialRow.FAILED, Double.NaN, e.toString());
        }
        return trial.isPruned() ? with(row, TrialRow.PRUNED, value, Planner.prunedAt(trial.lastStep()))
                : with(row, TrialRow.DONE, value, null);
    }

    private static TrialRow with(TrialRow row, String status, double value, @Nullable String error) {
        return new TrialRow(row.id(), row.generation(), row.position(), row.isFinal(), row.candidate(), status, value,
                row.runId(), error, row.promoted());
    }

    private static List<Pruner.Reports> others(List<TrialRow> rows, Map<Long, NavigableMap<Long, Double>> reports,
            long self) {
        List<Pruner.Reports> others = new ArrayList<>();
        for (TrialRow row : rows) {
            NavigableMap<Long, Double> values = reports.get(row.id());
            if (row.id() != self && values != null) {
                others.add(new Pruner.Reports(values, row.status().equals(TrialRow.DONE)));
            }
        }
        return others;
    }

    /** The pruner of a trials plan; brackets never prune inside a trial. */
    Pruner pruner() {
        return plan instanceof Plan.Trials trials ? trials.pruner() : Pruner.none();
    }

    Planner planner() {
        return new Planner(domain, sampler, plan, mode, seed);
    }

    /** A finished row as a summary. */
    TrialSummary summary(TrialRow row, @Nullable Long runId) {
        double spent = row.status().equals(TrialRow.PRUNED) ? Planner.prunedStep(row) : Planner.budget(row);
        return new TrialSummary(Planner.number(row), Planner.bracket(row), row.generation(), Planner.budget(row),
                spent, planner().parameters(row.candidate()), row.status(), row.metric(), runId);
    }

    /** The result over the rows: the best at the largest budget reached. */
    TuningResult result(Planner planner, List<TrialRow> rows, List<TrialSummary> finished, ADict base) {
        TrialRow best = planner.best(rows);
        if (best == null) {
            throw new AtoException("the search finished no trial at its budget (every trial failed or was pruned)");
        }
        ADict config = base.copy().merge(best.candidate()).put(Trials.METRIC, best.metric());
        return new TuningResult(config.freeze(), best.metric(), Planner.budget(best), finished);
    }

    /** What a tracked search stores to rebuild this tuner on any worker. */
    ADict settings() {
        return new ADict().put("strategy", "tuner").put("sampler", sampler.spec()).put("plan", plan.spec())
                .put("mode", mode.name()).put("seed", seed).put("stop_on_first_failure", stopOnFirstFailure);
    }

    /** The tuner stored settings and a domain description describe. */
    static Tuner from(ADict settings, ADict domain) {
        return new Tuner(Domain.from(domain), Samplers.from(settings.child("sampler")),
                Plan.from(settings.child("plan")),
                Mode.valueOf(settings.getString("mode").toUpperCase(Locale.ROOT)), settings.getLong("seed"),
                settings.getBoolean("stop_on_first_failure"));
    }

    /** Builds a {@link Tuner}. */
    public static final class Builder {

        private final Domain domain;
        private Sampler sampler = Samplers.tpe();
        private Plan plan = Plan.trials(100, 1, Pruner.none());
        private Mode mode = Mode.MIN;
        private long seed;
        private boolean stopOnFirstFailure;

        private Builder(Domain domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            if (domain.size() == 0) {
                throw new AtoConfigException("a sampled search needs at least one parameter in its domain");
            }
        }

        /** The sampler (default {@link Samplers#tpe()}). */
        public Builder sampler(Sampler sampler) {
            this.sampler = Objects.requireNonNull(sampler, "sampler");
            return this;
        }

        /** The plan (default 100 trials of budget 1, no pruning). */
        public Builder plan(Plan plan) {
            this.plan = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** Whether larger or smaller results are better (default {@link Mode#MIN}). */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The seed (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether a trial that throws ends the search (default: it counts as the worst result). */
        public Builder stopOnFirstFailure(boolean stop) {
            this.stopOnFirstFailure = stop;
            return this;
        }

        /** The tuner. */
        public Tuner build() {
            return new Tuner(domain, sampler, plan, mode, seed, stopOnFirstFailure);
        }
    }
}
