package dev.ato.hyperopt;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import dev.ato.adict.ADict;
import dev.ato.tracker.Database;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.SearchTables;
import dev.ato.tracker.Tracker;
import dev.ato.tracker.TrackerOptions;
import dev.ato.tracker.TrackerSchema;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Tracked, resumable and distributed HyperBand searches in the tracker's database (SQLite, PostgreSQL or MariaDB).
 *
 * <p>{@link #start} records a search and its first generation as rows; {@link #work} joins it: the calling thread
 * claims one trial at a time, runs it as a tracker run in the search's project (tagged {@code hyperband},
 * {@code search:<id>} and {@code generation:<g>}, with the metric under {@code metric}), and records the result.
 * Any number of threads, processes and machines may call {@link #work} on the same search; a trial whose worker
 * died is claimed again when its lease runs out, and {@link #work} on an interrupted search resumes it without
 * running finished trials again. {@link #run} is {@link #start} and {@link #work} in one call.
 */
public final class Searches implements AutoCloseable {

    /** The metric key each trial's run records its result under. */
    public static final String METRIC_KEY = "metric";
    private static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 25;
    private static final AtomicLong WORKERS = new AtomicLong();
    /** How long pruners in one process reuse what they read of the other trials' reports. */
    static final Duration REPORT_REFRESH = Duration.ofMillis(200);

    private final TrialBoard board;
    private final Tracker tracker;
    /** The reports of finished trials, by run: they never change once the run ended. */
    private final Map<Long, NavigableMap<Long, Double>> finishedReports = new ConcurrentHashMap<>();
    /** What pruners see of each search's trials, by search. */
    private final Map<String, ReportView> reportViews = new ConcurrentHashMap<>();
    private final long leaseMillis;
    private final @Nullable AutoCloseable owned;
    private final ScheduledExecutorService heartbeats;

    private Searches(Database database, Tracker tracker, Duration lease, @Nullable AutoCloseable owned) {
        if (lease.toMillis() < 300) {
            throw new AtoConfigException("a trial lease must be at least 300 ms, got " + lease.toMillis() + " ms");
        }
        this.board = new TrialBoard(database);
        this.tracker = tracker;
        this.leaseMillis = lease.toMillis();
        this.owned = owned;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ato-search-lease");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the database at a JDBC URL (migrating it first) with 30-second trial leases. */
    public static Searches open(String jdbcUrl) {
        return open(jdbcUrl, DEFAULT_LEASE);
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:sqlite:file.db} or {@code jdbc:postgresql://...}); a trial whose
     * worker stops extending its lease for {@code lease} is claimed again by another worker.
     */
    public static Searches open(String jdbcUrl, Duration lease) {
        Database database = Database.open(jdbcUrl);
        try {
            TrackerSchema.migrate(database);
            Tracker tracker = Tracker.create(database, TrackerOptions.defaults());
            return new Searches(database, tracker, lease, () -> {
                tracker.close();
                database.close();
            });
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Searches on a migrated DataSource and the tracker writing to it (Spring's beans), with 30-second leases. */
    public static Searches create(DataSource dataSource, Tracker tracker) {
        return create(dataSource, tracker, DEFAULT_LEASE);
    }

    /**
     * Searches on a migrated DataSource and the tracker writing to it; neither is closed by {@link #close()}. On
     * SQLite the DataSource should use WAL and a busy timeout, as {@link #open(String)} does.
     */
    public static Searches create(DataSource dataSource, Tracker tracker, @Nullable Duration lease) {
        return create(Database.of(dataSource), tracker, lease);
    }

    /** Searches on a migrated database and the tracker writing to it; neither is closed by {@link #close()}. */
    public static Searches create(Database database, Tracker tracker, @Nullable Duration lease) {
        return new Searches(database, tracker, lease, null);
    }

    /**
     * Records a new search of {@code hyperBand}'s space in {@code project}: its settings, {@code base} (the config
     * every trial starts from, e.g. a scope resolution) and the whole grid as its first generation. Returns its id.
     */
    public String start(@Nullable String project, HyperBand hyperBand, Schedule schedule, ADict base) {
        if (project == null || project.isBlank()) {
            throw new AtoConfigException("a search needs a project name; got '" + project + "'");
        }
        String id = UUID.randomUUID().toString();
        SearchDefinition definition = new SearchDefinition(hyperBand, schedule, METRIC_KEY,
                hyperBand.isStopOnFirstFailure());
        List<ADict> first = new ArrayList<>();
        hyperBand.space().points().forEach(p -> first.add(Halving.first(p)));
        if (schedule == Schedule.ASYNCHRONOUS) {
            // ASHA promotes from the results seen so far; a grid's order (sorted by parameter) would bias them
            Collections.shuffle(first, new Random(id.hashCode()));
        }
        board.create(id, project, definition, base, first);
        return id;
    }

    /**
     * Works on a search until it completes, then returns its result (at once for a completed search). Safe to call
     * from any number of threads and processes at the same time.
     *
     * @throws AtoConfigException when there is no search with this id
     * @throws AtoException       when the search failed (a trial threw and the search stops on the first failure)
     */
    public HyperBandResult work(String searchId, ToDoubleFunction<ADict> trial) {
        SearchRecord search = find(searchId).orElseThrow(() -> new AtoConfigException("no search '" + searchId
                + "' in the database; list the project's searches with Searches.list(project)"));
        SearchDefinition definition = SearchDefinition.of(search);
        if (definition.tuner() != null) {
            throw new AtoConfigException("search '" + searchId + "' is a sampled search; join it with Searches.tune");
        }
        ADict base = board.base(searchId);
        String worker = workerId();
        while (true) {
            Optional<TrialRow> claimed = board.claim(searchId, worker, leaseMillis);
            if (claimed.isPresent()) {
                execute(search, definition, base, claimed.get(), worker, trial);
                continue;
            }
            SearchRecord now = find(searchId).orElseThrow();
            switch (now.status()) {
                case "completed" -> {
                    return result(searchId);
                }
                case "failed" -> throw new AtoException("search '" + searchId + "' failed: " + now.error());
                default -> sleep();
            }
        }
    }

    /** {@link #start} then {@link #work}: a tracked search in this thread (other workers may join it by id). */
    public HyperBandResult run(String project, HyperBand hyperBand, Schedule schedule, ADict base,
            ToDoubleFunction<ADict> trial) {
        return work(start(project, hyperBand, schedule, base), trial);
    }

    // ------------------------------------------------------------------ sampled searches

    /**
     * Records a new sampled search of {@code tuner} in {@code project} with {@code base} as every trial's starting
     * config, and the trials its plan opens first. Returns its id.
     */
    public String start(@Nullable String project, Tuner tuner, ADict base) {
        if (project == null || project.isBlank()) {
            throw new AtoConfigException("a search needs a project name; got '" + project + "'");
        }
        String id = UUID.randomUUID().toString();
        List<ADict> first = tuner.planner().next(List.of()).added().stream().map(Planner.NewTrial::candidate)
                .toList();
        board.create(id, project, SearchDefinition.of(tuner, METRIC_KEY), base, first);
        return id;
    }

    /**
     * Works on a sampled search until it completes, then returns its result. Safe from any number of threads and
     * processes; a search whose workers were killed resumes where its rows say it was (a trial whose lease ran out
     * runs again). Each trial is a tracker run tagged {@code tuning}, {@code search:<id>}, {@code bracket:<b>} and
     * {@code rung:<i>}, with its reports under {@link Trial#REPORT_KEY} and its result under {@code metric}; a trial
     * its pruner stopped ends {@code pruned}.
     *
     * @throws AtoConfigException when there is no such search, or it is a grid search ({@link #work})
     * @throws AtoException       when the search failed
     */
    public TuningResult tune(String searchId, TrialFunction trial) {
        SearchRecord search = find(searchId).orElseThrow(() -> new AtoConfigException("no search '" + searchId
                + "' in the database; list the project's searches with Searches.list(project)"));
        SearchDefinition definition = SearchDefinition.of(search);
        if (definition.tuner() == null) {
            throw new AtoConfigException("search '" + searchId + "' is a grid search; join it with Searches.work");
        }
        ADict base = board.base(searchId);
        String worker = workerId();
        while (true) {
            Optional<TrialRow> claimed = board.claim(searchId, worker, leaseMillis);
            if (claimed.isPresent()) {
                executeTrial(search, definition, base, claimed.get(), worker, trial);
                continue;
            }
            SearchRecord now = find(searchId).orElseThrow();
            switch (now.status()) {
                case "completed" -> {
                    return tuningResult(searchId);
                }
                case "failed" -> throw new AtoException("search '" + searchId + "' failed: " + now.error());
                default -> sleep();
            }
        }
    }

    /** {@link #start(String, Tuner, ADict)} then {@link #tune(String, TrialFunction)}. */
    public TuningResult tune(String project, Tuner tuner, ADict base, TrialFunction trial) {
        return tune(start(project, tuner, base), trial);
    }

    /**
     * A sampled search's result so far: its finished trials in the order they were opened, and the best at the
     * largest budget reached (the search's result once it completed).
     */
    public TuningResult tuningResult(String searchId) {
        SearchRecord search = find(searchId).orElseThrow(() -> new AtoConfigException("no search '" + searchId + "'"));
        Tuner tuner = SearchDefinition.of(search).tuner();
        if (tuner == null) {
            throw new AtoConfigException("search '" + searchId + "' is a grid search; read it with Searches.result");
        }
        List<TrialRow> rows = board.trials(searchId);
        List<TuningResult.TrialSummary> finished = rows.stream().filter(TrialRow::finished)
                .map(r -> tuner.summary(r, r.runId())).toList();
        return tuner.result(tuner.planner(), rows, finished, board.base(searchId));
    }

    private void executeTrial(SearchRecord search, SearchDefinition definition, ADict base, TrialRow row,
            String worker, TrialFunction function) {
        Tuner tuner = definition.tuner();
        ADict config = base.copy().merge(row.candidate());
        List<String> tags = List.of("tuning", "search:" + search.id(), "bracket:" + Planner.bracket(row),
                "rung:" + row.generation());
        double metric = Double.NaN;
        String status = TrialRow.DONE;
        String error = null;
        RuntimeException failure = null;
        // as in execute: the run ends with the trial's record, or is superseded when another worker recorded it
        RunHandle run = tracker.start(search.project(), config, tags);
        long beat = Math.max(100, leaseMillis / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extendQuietly(row, worker), beat, beat,
                TimeUnit.MILLISECONDS);
        ReportView view = tuner.pruner() instanceof Pruner.None ? null : reportView(search.id());
        try {
            Pruner pruner = tuner.pruner();
            if (view != null) {
                board.attachRun(row.id(), worker, run.id()); // other processes' pruners read its reports from now on
            }
            Trial trial = new Trial(Planner.number(row), config, Planner.budget(row), pruner, tuner.mode(),
                    view == null ? List::of : () -> view.others(row.id()),
                    (step, value) -> run.logMetric(Trial.REPORT_KEY, value, step));
            if (view != null) {
                view.started(row.id(), trial.reports());
            }
            try {
                metric = function.run(trial);
                run.logMetric(definition.metricKey(), metric, trial.isPruned() ? trial.lastStep()
                        : (long) Math.ceil(Planner.budget(row)));
                if (trial.isPruned()) {
                    status = TrialRow.PRUNED;
                    error = Planner.prunedAt(trial.lastStep());
                    run.finish(RunStatus.PRUNED);
                }
            } catch (RuntimeException e) {
                run.recordFailure(e);
                failure = e;
                status = TrialRow.FAILED;
                error = stackTrace(e);
            }
            run.flush();
            heartbeat.cancel(false);
            if (board.complete(search.id(), row, worker, status, metric, run.id(), error, definition)
                    && view != null) {
                view.finished(row.id(), run.id(), trial.reports(), status);
            }
        } finally {
            heartbeat.cancel(false);
            if (view != null) {
                view.stopped(row.id());
            }
            run.close();
        }
        if (failure != null && definition.stopOnFirstFailure()) {
            board.fail(search.id(), "trial " + row.candidate().toMap() + " failed: " + failure);
            throw new AtoException("trial " + row.candidate().toMap() + " of search '" + search.id()
                    + "' failed; the search stopped because stopOnFirstFailure is set", failure);
        }
    }

    /**
     * What pruners in this process see of a search's trials, shared by every trial the process runs on it. Trials
     * this process runs or ran are known from memory; the others come from the database: one query
     * ({@link TrialBoard#runningReports}) gives every trial's row and the reports of the running ones, at most once
     * per {@link #REPORT_REFRESH} whatever the number of {@code shouldStop()} calls, and a finished trial's reports,
     * which no longer change, are read once per run. So a report logged in another process is seen at most the
     * tracker's flush interval (200 ms by default) plus {@link #REPORT_REFRESH} after it was logged.
     */
    private final class ReportView {

        private final String searchId;
        /** Trials running in this process, by row: their live reports. */
        private final Map<Long, NavigableMap<Long, Double>> live = new ConcurrentHashMap<>();
        /** Trials this process recorded, by row. */
        private final Map<Long, Pruner.Reports> finishedHere = new ConcurrentHashMap<>();
        private long readAt;
        private boolean read;
        private Map<Long, SearchedTrial> trials = Map.of();

        ReportView(String searchId) {
            this.searchId = searchId;
        }

        void started(long trialId, NavigableMap<Long, Double> reports) {
            live.put(trialId, reports);
        }

        void finished(long trialId, long runId, NavigableMap<Long, Double> reports, String status) {
            NavigableMap<Long, Double> copy = new TreeMap<>(reports);
            finishedReports.put(runId, copy);
            finishedHere.put(trialId, new Pruner.Reports(copy, status.equals(TrialRow.DONE)));
        }

        void stopped(long trialId) {
            live.remove(trialId);
        }

        synchronized List<Pruner.Reports> others(long self) {
            long now = System.nanoTime();
            if (!read || now - readAt > REPORT_REFRESH.toNanos()) {
                trials = read();
                readAt = now;
                read = true;
            }
            Map<Long, Pruner.Reports> others = new TreeMap<>();
            for (SearchedTrial trial : trials.values()) {
                if (trial.runId() == null) {
                    continue; // pending
                }
                others.put(trial.id(), trial.status().equals(TrialRow.RUNNING)
                        ? new Pruner.Reports(trial.running(), false)
                        : new Pruner.Reports(finishedReports.computeIfAbsent(trial.runId(), board::reports),
                                trial.status().equals(TrialRow.DONE)));
            }
            // this process's own trials are newer than any row read
            finishedHere.forEach(others::put);
            live.forEach((id, reports) -> others.put(id, new Pruner.Reports(reports, false)));
            others.remove(self);
            return new ArrayList<>(others.values());
        }

        private Map<Long, SearchedTrial> read() {
            Map<Long, SearchedTrial> found = new LinkedHashMap<>();
            for (SearchTables.TrialReport r : board.runningReports(searchId)) {
                SearchedTrial trial = found.computeIfAbsent(r.trialId(),
                        id -> new SearchedTrial(id, r.runId(), r.status(), new TreeMap<>()));
                if (r.step() != null) {
                    trial.running().put(r.step(), r.value());
                }
            }
            return found;
        }
    }

    /** A trial as {@link ReportView} last read it; {@code running} holds its reports while it runs. */
    private record SearchedTrial(long id, Long runId, String status, NavigableMap<Long, Double> running) {
    }

    private ReportView reportView(String searchId) {
        return reportViews.computeIfAbsent(searchId, ReportView::new);
    }

    /** The stored search with this id. */
    public Optional<SearchRecord> find(String searchId) {
        return board.find(searchId);
    }

    /** The searches of a project, oldest first. */
    public List<SearchRecord> list(String project) {
        return board.list(project);
    }

    /**
     * What a search has evaluated so far, as a {@link HyperBandResult}: every generation's finished trials ranked
     * best first, and as {@code config} the final re-evaluation once the search completed (until then the best
     * trial of the highest generation).
     */
    public HyperBandResult result(String searchId) {
        SearchRecord search = find(searchId).orElseThrow(() -> new AtoConfigException("no search '" + searchId + "'"));
        SearchDefinition definition = SearchDefinition.of(search);
        ADict base = board.base(searchId);
        Map<Integer, List<TrialRow>> byGeneration = new TreeMap<>();
        board.trials(searchId).stream().filter(TrialRow::finished)
                .forEach(t -> byGeneration.computeIfAbsent(t.generation(), g -> new ArrayList<>()).add(t));
        List<List<ADict>> logs = new ArrayList<>();
        for (List<TrialRow> generation : byGeneration.values()) {
            List<ADict> configs = new ArrayList<>();
            for (TrialRow t : generation) {
                ADict config = base.copy().merge(t.candidate());
                config.put(Trials.METRIC, t.status().equals(TrialRow.FAILED)
                        ? Halving.worst(definition.mode()) : t.metric());
                if (t.error() != null) {
                    config.put(Trials.ERROR, t.error().lines().findFirst().orElse(t.error()));
                }
                configs.add(config.freeze());
            }
            logs.add(Halving.rank(configs, Trials::metric, definition.mode()));
        }
        if (logs.isEmpty()) {
            throw new AtoException("search '" + searchId + "' has no finished trial yet");
        }
        ADict best = logs.get(logs.size() - 1).get(0);
        return new HyperBandResult(best, Trials.metric(best), logs);
    }

    private void execute(SearchRecord search, SearchDefinition definition, ADict base, TrialRow trial, String worker,
            ToDoubleFunction<ADict> function) {
        ADict config = base.copy().merge(trial.candidate());
        List<String> tags = new ArrayList<>(List.of("hyperband", "search:" + search.id(),
                "generation:" + trial.generation()));
        if (trial.isFinal()) {
            tags.add("final");
        }
        double metric = Double.NaN;
        String error = null;
        RuntimeException failure = null;
        // The run ends in the transaction that records the trial (completed or failed), or is marked superseded when
        // another worker recorded the trial first; closing it afterwards adds the failure's reason and never turns a
        // superseded run back into a completed one.
        RunHandle run = tracker.start(search.project(), config, tags);
        long beat = Math.max(100, leaseMillis / 3);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleAtFixedRate(() -> extendQuietly(trial, worker), beat, beat,
                TimeUnit.MILLISECONDS);
        try {
            try {
                metric = function.applyAsDouble(config.copy());
                run.logMetric(definition.metricKey(), metric, trial.generation());
            } catch (RuntimeException e) {
                run.recordFailure(e);
                failure = e;
                error = stackTrace(e);
            }
            run.flush();
            heartbeat.cancel(false);
            board.complete(search.id(), trial, worker, metric, run.id(), error, definition);
        } finally {
            heartbeat.cancel(false);
            run.close();
        }
        if (failure != null && definition.stopOnFirstFailure()) {
            board.fail(search.id(), "trial " + trial.candidate().toMap() + " failed: " + failure);
            throw new AtoException("trial " + trial.candidate().toMap() + " of search '" + search.id()
                    + "' failed; the search stopped because stopOnFirstFailure is set", failure);
        }
    }

    private void extendQuietly(TrialRow trial, String worker) {
        try {
            board.extend(trial.id(), worker, leaseMillis);
        } catch (RuntimeException e) {
            // a missed extension is retried at the next beat; the lease outlasts several beats
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new AtoException("cannot close the search database: " + e.getMessage(), e);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtoException("interrupted while waiting for other workers' trials", e);
        }
    }

    private static String workerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/" + WORKERS.incrementAndGet();
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
