package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a sampled search does next, as a pure function of its trials so far: which trials to open (sampled, or
 * promoted to a larger budget) and whether the search is done. Being a function of the stored rows is what makes a
 * tracked search resumable after a crash and shareable by workers: whoever finishes a trial computes the same next
 * step, in the transaction that records the result.
 */
final class Planner {

    static final String TRIAL = "__trial__";
    static final String BRACKET = "__bracket__";
    static final String BUDGET = Halving.BUDGET;
    private static final String PRUNED_AT = "pruned at step ";

    private final Domain domain;
    private final Sampler sampler;
    private final Plan plan;
    private final Mode mode;
    private final long seed;

    Planner(Domain domain, Sampler sampler, Plan plan, Mode mode, long seed) {
        this.domain = domain;
        this.sampler = sampler;
        this.plan = plan;
        this.mode = mode;
        this.seed = seed;
    }

    /** A trial to open at a rung (its generation). */
    record NewTrial(int generation, ADict candidate) {
    }

    /** The trials to open now, and whether the search is done (nothing open and nothing left to open). */
    record Decision(List<NewTrial> added, boolean done) {
    }

    Decision next(List<TrialRow> rows) {
        return plan instanceof Plan.Trials trials ? nextTrial(rows, trials) : nextRung(rows, (Plan.Brackets) plan);
    }

    private Decision nextTrial(List<TrialRow> rows, Plan.Trials trials) {
        long open = rows.stream().filter(r -> !r.finished()).count();
        int toOpen = (int) Math.min(trials.concurrency() - open, trials.n() - rows.size());
        List<NewTrial> added = new ArrayList<>();
        for (int i = 0; i < toOpen; i++) {
            added.add(new NewTrial(0, sampled(rows, rows.size() + i, 0, trials.maxBudget())));
        }
        return new Decision(added, added.isEmpty() && open == 0);
    }

    private Decision nextRung(List<TrialRow> rows, Plan.Brackets plan) {
        if (rows.isEmpty()) {
            return startBracket(rows, plan, 0);
        }
        int bracket = rows.stream().mapToInt(Planner::bracket).max().orElseThrow();
        List<TrialRow> inBracket = rows.stream().filter(r -> bracket(r) == bracket).toList();
        int rung = inBracket.stream().mapToInt(TrialRow::generation).max().orElseThrow();
        List<TrialRow> atRung = inBracket.stream().filter(r -> r.generation() == rung).toList();
        if (atRung.stream().anyMatch(r -> !r.finished())) {
            return new Decision(List.of(), false);
        }
        List<Halving.Rung> rungs = plan.brackets().get(bracket).rungs();
        if (rung + 1 < rungs.size()) {
            Halving.Rung next = rungs.get(rung + 1);
            List<TrialRow> ranked = Halving.rank(atRung, TrialRow::metric, mode);
            List<NewTrial> added = new ArrayList<>();
            for (TrialRow survivor : Halving.top(ranked, next.size())) {
                added.add(new NewTrial(rung + 1, Halving.promoted(survivor.candidate()).put(BUDGET, next.budget())));
            }
            if (!added.isEmpty()) {
                return new Decision(added, false);
            }
        }
        return bracket + 1 < plan.brackets().size() ? startBracket(rows, plan, bracket + 1)
                : new Decision(List.of(), true);
    }

    private Decision startBracket(List<TrialRow> rows, Plan.Brackets plan, int bracket) {
        Halving.Rung first = plan.brackets().get(bracket).rungs().get(0);
        int number = rows.stream().mapToInt(r -> r.candidate().getInt(TRIAL) + 1).max().orElse(0);
        List<NewTrial> added = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            added.add(new NewTrial(0, sampled(rows, number + i, bracket, first.budget())));
        }
        return new Decision(added, false);
    }

    private ADict sampled(List<TrialRow> rows, int number, int bracket, double budget) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
        ADict params = sampler.sample(new SamplingContext(domain, mode, number, observations(rows), random));
        return params.copy().put(TRIAL, number).put(BRACKET, bracket).put(Halving.NUM_HALVED, 0).put(BUDGET, budget);
    }

    /** The finished trials as samplers see them, in the order they were opened. */
    List<Observation> observations(List<TrialRow> rows) {
        List<Observation> observations = new ArrayList<>();
        for (TrialRow row : rows) {
            if (row.finished()) {
                boolean pruned = row.status().equals(TrialRow.PRUNED);
                observations.add(new Observation(parameters(row.candidate()), row.metric(),
                        pruned ? prunedStep(row) : budget(row), pruned));
            }
        }
        return observations;
    }

    /** The best finished trial at the largest budget any finished (unpruned) trial reached, or null. */
    @Nullable TrialRow best(List<TrialRow> rows) {
        List<TrialRow> done = rows.stream().filter(r -> r.status().equals(TrialRow.DONE)).toList();
        double top = done.stream().mapToDouble(Planner::budget).max().orElse(Double.NaN);
        List<TrialRow> atTop = done.stream().filter(r -> budget(r) == top).toList();
        return atTop.isEmpty() ? null : Halving.rank(atTop, TrialRow::metric, mode).get(0);
    }

    /** The candidate without the bookkeeping keys: the sampled parameter values. */
    ADict parameters(ADict candidate) {
        ADict params = ADict.auto();
        for (String name : domain.names()) {
            params.set(name, candidate.get(name));
        }
        return params;
    }

    static int bracket(TrialRow row) {
        return row.candidate().getInt(BRACKET);
    }

    static double budget(TrialRow row) {
        return row.candidate().getDouble(BUDGET);
    }

    static int number(TrialRow row) {
        return row.candidate().getInt(TRIAL);
    }

    /** How a pruned trial records where it stopped, in its row's {@code error}. */
    static String prunedAt(long step) {
        return PRUNED_AT + step;
    }

    /** The step a pruned trial reached (its budget when unknown). */
    static double prunedStep(TrialRow row) {
        String error = row.error();
        if (error != null && error.startsWith(PRUNED_AT)) {
            try {
                return Long.parseLong(error.substring(PRUNED_AT.length()).trim());
            } catch (NumberFormatException e) {
                return budget(row);
            }
        }
        return budget(row);
    }
}
