package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;
import dev.ato.tracker.Database;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.SearchTables;
import dev.ato.tracker.SearchTables.Transaction;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The coordinator-free protocol over {@code ato_searches} and {@code ato_search_trials}: trials are rows, a worker
 * claims one with a lease ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL and MariaDB; on SQLite under the database's
 * single write lock), and the worker that finishes the last trial of a generation forms the next one in the same
 * transaction, under a lock on the search row, so it happens exactly once. The SQL is the tracker's
 * {@link SearchTables}; this class decides what the rows mean.
 */
final class TrialBoard {

    private final SearchTables tables;

    TrialBoard(Database database) {
        this.tables = SearchTables.of(database);
    }

    // ------------------------------------------------------------------ searches

    void create(String id, String project, SearchDefinition definition, ADict base, List<ADict> candidates) {
        tables.inTransaction("create search " + id, c -> {
            c.insertSearch(id, project, ConfigJson.write(definition.space()),
                    ConfigJson.write(definition.settings()), ConfigJson.write(base), System.currentTimeMillis());
            insertTrials(c, id, 0, candidates, false);
            return null;
        });
    }

    Optional<SearchRecord> find(String id) {
        return tables.read("read search " + id, c -> c.search(id).map(TrialBoard::search));
    }

    List<SearchRecord> list(String project) {
        return tables.read("list searches of " + project,
                c -> c.searches(project).stream().map(TrialBoard::search).toList());
    }

    ADict base(String id) {
        return tables.read("read search " + id, c -> base(c, id));
    }

    List<TrialRow> trials(String searchId) {
        return tables.read("read trials of " + searchId, c -> trials(c, searchId, null));
    }

    // ------------------------------------------------------------------ claiming

    /** Claims the next trial: a pending one, or one whose lease expired; highest generation first. */
    Optional<TrialRow> claim(String searchId, String worker, long leaseMillis) {
        return tables.inTransaction("claim a trial of " + searchId,
                c -> c.claim(searchId, worker, leaseMillis).map(TrialBoard::trial));
    }

    /** Extends the lease of a trial this worker still holds; false when it lost it. */
    boolean extend(long trialId, String worker, long leaseMillis) {
        return tables.inTransaction("extend the lease of trial " + trialId,
                c -> c.extend(trialId, worker, leaseMillis));
    }

    /** Records the run of a trial this worker holds, so other workers can read the reports it logs while it runs. */
    boolean attachRun(long trialId, String worker, long runId) {
        return tables.inTransaction("attach run " + runId + " to trial " + trialId,
                c -> c.attachRun(trialId, worker, runId));
    }

    /**
     * The search's trials with the reports of those running (one query); see
     * {@link SearchTables.Transaction#runningReports}.
     */
    List<SearchTables.TrialReport> runningReports(String searchId) {
        return tables.read("read the reports of the running trials of " + searchId,
                c -> c.runningReports(searchId, Trial.REPORT_KEY));
    }

    /** The reports of one run, step to value. */
    NavigableMap<Long, Double> reports(long runId) {
        return tables.read("read the reports of run " + runId, c -> {
            NavigableMap<Long, Double> values = new TreeMap<>();
            c.reports(runId, Trial.REPORT_KEY).forEach(r -> values.put(r.step(), r.value()));
            return values;
        });
    }

    /** Marks the search failed (stop on first failure), so no worker claims another of its trials. */
    void fail(String searchId, String error) {
        tables.inTransaction("fail search " + searchId, c -> {
            c.failSearch(searchId, error, System.currentTimeMillis());
            return null;
        });
    }

    // ------------------------------------------------------------------ completing

    /**
     * Records a finished trial and, in the same transaction, ends its run and moves the search on: the next
     * generation (or ASHA promotions), the final re-evaluation, or completion. Returns false when this worker no
     * longer held the trial (its lease expired and another worker took it over): then the trial is left alone and
     * the run is marked {@code superseded}, so the trial has one run in the project.
     */
    boolean complete(String searchId, TrialRow trial, String worker, double metric, long runId, String error,
            SearchDefinition definition) {
        return complete(searchId, trial, worker, error == null ? TrialRow.DONE : TrialRow.FAILED, metric, runId, error,
                definition);
    }

    /** {@link #complete} with the trial's status given ({@code pruned} for a trial its pruner stopped). */
    boolean complete(String searchId, TrialRow trial, String worker, String status, double metric, long runId,
            String error, SearchDefinition definition) {
        return tables.inTransaction("record trial " + trial.id() + " of " + searchId, c -> {
            if (!c.completeTrial(trial.id(), worker, status, metric, runId, error)) {
                c.supersedeRun(runId, "trial " + trial.id() + " was recorded by another worker after this worker's"
                        + " lease ran out");
                return false;
            }
            c.finishRun(runId, switch (status) {
                case TrialRow.FAILED -> RunStatus.FAILED;
                case TrialRow.PRUNED -> RunStatus.PRUNED;
                default -> RunStatus.COMPLETED;
            });
            int generation = lockSearch(c, searchId);
            if (definition.tuner() != null) {
                plan(c, searchId, definition.tuner());
            } else if (trial.isFinal()) {
                finish(c, searchId, metric, runId);
            } else if (definition.schedule() == Schedule.SYNCHRONOUS) {
                advanceGeneration(c, searchId, generation, trial.generation(), definition);
            } else {
                promote(c, searchId, trial.generation(), definition);
            }
            return true;
        });
    }

    /** Locks the search row until the transaction ends (SQLite's write lock already serialises writers). */
    private int lockSearch(Transaction c, String searchId) {
        return c.lockSearch(searchId);
    }

    private void advanceGeneration(Transaction c, String searchId, int current, int generation,
            SearchDefinition definition) {
        if (current != generation || countOpen(c, searchId) > 0) {
            return;
        }
        Halving halving = definition.hyperBand().halving();
        List<ADict> ranked = halving.rank(trials(c, searchId, generation), TrialRow::metric).stream()
                .map(TrialRow::candidate).toList();
        Halving.Next next = halving.next(ranked);
        setGeneration(c, searchId, generation + 1);
        insertTrials(c, searchId, generation + 1, next.candidates(), next.isFinal());
    }

    /**
     * ASHA: every config in the top {@code halvingRate} of the finished results at its rung moves up one rung, up to
     * the last generation the synchronous schedule would reach. With nothing left to run, the best config of the
     * highest rung is re-evaluated once.
     */
    private void promote(Transaction c, String searchId, int rung, SearchDefinition definition) {
        HyperBand hyperBand = definition.hyperBand();
        Halving halving = hyperBand.halving();
        if (halving.hasRungAbove(rung, hyperBand.space().size())) {
            List<TrialRow> finished = trials(c, searchId, rung).stream().filter(TrialRow::finished).toList();
            int position = trials(c, searchId, rung + 1).size();
            for (TrialRow t : halving.promotions(halving.rank(finished, TrialRow::metric), TrialRow::promoted)) {
                insertTrial(c, searchId, rung + 1, position++, Halving.promoted(t.candidate()), false);
                markPromoted(c, t.id());
                raiseGeneration(c, searchId, rung + 1);
            }
        }
        if (countOpen(c, searchId) == 0) {
            List<TrialRow> all = trials(c, searchId, null);
            int top = all.stream().mapToInt(TrialRow::generation).max().orElseThrow();
            List<ADict> best = halving.rank(all.stream().filter(t -> t.generation() == top).toList(),
                    TrialRow::metric).stream().map(TrialRow::candidate).toList();
            setGeneration(c, searchId, top + 1);
            insertTrials(c, searchId, top + 1, List.of(halving.finalCandidate(best)), true);
        }
    }

    /**
     * A sampled search moves on: the trials its planner opens now (after the ones already at their rung), or, when
     * it is done, its best trial recorded as the search's result.
     */
    private void plan(Transaction c, String searchId, Tuner tuner) {
        if (tuner.plan() instanceof Plan.Brackets && countOpen(c, searchId) > 0) {
            return; // brackets open one rung at a time: nothing moves until its last trial finishes
        }
        Planner planner = tuner.planner();
        List<TrialRow> rows = trials(c, searchId, null);
        Planner.Decision decision = planner.next(rows);
        Map<Integer, Integer> positions = new HashMap<>();
        rows.forEach(r -> positions.merge(r.generation(), 1, Integer::sum));
        for (Planner.NewTrial added : decision.added()) {
            int position = positions.merge(added.generation(), 1, Integer::sum) - 1;
            insertTrial(c, searchId, added.generation(), position, added.candidate(), false);
            // the search's generation column shows the bracket being run
            raiseGeneration(c, searchId, added.candidate().getInt(Planner.BRACKET));
        }
        if (decision.done()) {
            TrialRow best = planner.best(rows);
            if (best == null) {
                c.failSearch(searchId, "the search finished no trial at its budget (every trial failed or was pruned)",
                        System.currentTimeMillis());
            } else {
                finishWith(c, searchId, best.candidate(), best.metric(), best.runId());
            }
        }
    }

    private void finish(Transaction c, String searchId, double metric, long runId) {
        TrialRow last = trials(c, searchId, null).stream().filter(TrialRow::isFinal).findFirst().orElseThrow();
        finishWith(c, searchId, last.candidate(), metric, runId);
    }

    private void finishWith(Transaction c, String searchId, ADict candidate, double metric, long runId) {
        ADict config = base(c, searchId).merge(candidate);
        config.put(Trials.METRIC, metric);
        c.finishSearch(searchId, metric, runId, ConfigJson.write(config));
    }

    private ADict base(Transaction c, String searchId) {
        return ConfigJson.read(c.search(searchId).orElseThrow().baseConfig());
    }

    private int countOpen(Transaction c, String searchId) {
        return c.countOpen(searchId);
    }

    private void setGeneration(Transaction c, String searchId, int generation) {
        c.setGeneration(searchId, generation);
    }

    private void raiseGeneration(Transaction c, String searchId, int generation) {
        c.raiseGeneration(searchId, generation);
    }

    private void markPromoted(Transaction c, long trialId) {
        c.markPromoted(trialId);
    }

    private void insertTrials(Transaction c, String searchId, int generation, List<ADict> candidates,
            boolean isFinal) {
        c.insertTrials(searchId, generation, 0, candidates.stream().map(ConfigJson::write).toList(), isFinal);
    }

    private void insertTrial(Transaction c, String searchId, int generation, int position, ADict candidate,
            boolean isFinal) {
        c.insertTrials(searchId, generation, position, List.of(ConfigJson.write(candidate)), isFinal);
    }

    private List<TrialRow> trials(Transaction c, String searchId, @Nullable Integer generation) {
        return c.trials(searchId, generation).stream().map(TrialBoard::trial).toList();
    }

    private static TrialRow trial(SearchTables.StoredTrial t) {
        return new TrialRow(t.id(), t.generation(), t.position(), t.isFinal(), ConfigJson.read(t.candidate()),
                t.status(), t.metric(), t.runId(), t.error(), t.promoted());
    }

    private static SearchRecord search(SearchTables.StoredSearch s) {
        return new SearchRecord(s.id(), s.project(), ConfigJson.read(s.space()), ConfigJson.read(s.settings()),
                s.status(), s.generation(), s.bestRunId(),
                s.bestMetric() == null || s.bestMetric().isNaN() ? null : s.bestMetric(),
                ConfigJson.read(s.bestConfig()), s.error(),
                Instant.ofEpochMilli(s.createdMs()), Instant.ofEpochMilli(s.updatedMs()));
    }
}
