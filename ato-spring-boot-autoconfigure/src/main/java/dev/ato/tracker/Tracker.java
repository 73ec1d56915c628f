package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.sanitize.Sanitizer;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Records runs of a job in the tracker database (SQLite or PostgreSQL, shared with Python ato): {@link #start}
 * opens a run and returns its {@link RunHandle}. One tracker serves any number of runs and threads; it owns one
 * metric writer thread and one heartbeat thread. Without Spring use {@link #open(String)}; with Spring the
 * auto-configuration builds it with {@link #create(DataSource, TrackerOptions)}.
 */
public final class Tracker implements AutoCloseable {

    private final RunStore store;
    private final MetricWriter writer;
    private final TrackerOptions options;
    private final @Nullable Database ownedDatabase;
    private final Set<RunHandle> openRuns = ConcurrentHashMap.newKeySet();
    private final List<Consumer<RunHandle>> startListeners = new CopyOnWriteArrayList<>();
    private final List<TrackerListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeats;
    private final Thread shutdownHook;
    private volatile @Nullable Sanitizer configSanitizer = Sanitizer.defaults();
    private volatile boolean closed;

    private Tracker(Database database, boolean owned, TrackerOptions options) {
        this.store = new RunStore(database);
        this.options = options;
        this.ownedDatabase = owned ? database : null;
        this.writer = new MetricWriter(store, options, this::each);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ato-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = options.heartbeatInterval().toMillis();
        heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        this.shutdownHook = new Thread(this::onJvmShutdown, "ato-tracker-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Opens {@code experiments.db} in the working directory. */
    public static Tracker open() {
        return open(Database.DEFAULT_URL);
    }

    /**
     * Opens the database at a JDBC URL ({@code jdbc:sqlite:path/to/file.db} or {@code jdbc:postgresql://...}),
     * creating or upgrading the schema first. A missing or read-only directory, or a database that cannot be
     * reached, is one {@link AtoConfigException} naming the path or URL.
     */
    public static Tracker open(String jdbcUrl) {
        return open(jdbcUrl, TrackerOptions.defaults());
    }

    /** Like {@link #open(String)} with other options. */
    public static Tracker open(String jdbcUrl, TrackerOptions options) {
        Database database = Database.open(jdbcUrl);
        try {
            TrackerSchema.migrate(database);
            return new Tracker(database, true, options);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** A tracker on a DataSource whose schema is already migrated (e.g. by Spring Boot's Flyway); not closed by it. */
    public static Tracker create(DataSource dataSource) {
        return create(dataSource, TrackerOptions.defaults());
    }

    /** Like {@link #create(DataSource)} with other options. */
    public static Tracker create(DataSource dataSource, TrackerOptions options) {
        return create(Database.of(Objects.requireNonNull(dataSource, "dataSource")), options);
    }

    /** A tracker on a migrated database; not closed by it. */
    public static Tracker create(Database database, TrackerOptions options) {
        return new Tracker(database, false, options);
    }

    /**
     * Starts a run: creates the project if needed, stores the config as JSON with its structural hash and the
     * tags, with status {@code running}. Secrets in the config are stored as the mask (see
     * {@link #storeConfigsThrough(Sanitizer)}); the structural hash is that of the config as given.
     */
    public RunHandle start(String project, ADict config, String... tags) {
        return start(project, config, Arrays.asList(tags));
    }

    /** Like {@link #start(String, ADict, String...)} with the tags as a list. */
    public RunHandle start(@Nullable String project, ADict config, List<String> tags) {
        if (closed) {
            throw new IllegalStateException("the tracker is closed; cannot start a run in project '" + project + "'");
        }
        if (project == null || project.isBlank()) {
            throw new AtoConfigException("a run needs a project name; got '" + project + "'");
        }
        Objects.requireNonNull(config, "config");
        Sanitizer sanitizer = configSanitizer;
        String configJson = PythonJson.write(sanitizer == null ? config : sanitizer.config(config));
        String tagsJson = PythonJson.write(List.copyOf(tags));
        long id = store.startRun(project, configJson, config.structuralHash(), tagsJson, Instant.now());
        RunHandle run = new RunHandle(id, store, writer, this::forget);
        openRuns.add(run);
        each(listener -> listener.runStarted(run, project));
        try {
            startListeners.forEach(listener -> listener.accept(run));
        } catch (RuntimeException | Error e) {
            run.recordFailure(e);
            run.close();
            throw e;
        }
        return run;
    }

    /**
     * The sanitizer every config passes before it is stored: {@link Sanitizer#defaults()} unless set, so a secret's
     * value is stored as {@link Sanitizer#MASK} and its key stays. {@code null} stores configs as given (the
     * opt-out, {@code ato.tracker.store-secrets=true} in Spring).
     */
    public Tracker storeConfigsThrough(@Nullable Sanitizer sanitizer) {
        this.configSanitizer = sanitizer == null ? null : sanitizer.showingValues(true);
        return this;
    }

    /**
     * Calls {@code listener} with every run this tracker starts from now on, right after the run is stored: how a
     * host adds what every run should carry (the Spring integration stores the {@code @AtoTrace} fingerprints this
     * way). A listener that throws fails the run it was given.
     */
    public Tracker onStart(Consumer<RunHandle> listener) {
        startListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Adds a listener of runs, metrics and writes (meters use it); it is told at once with {@code attached}. */
    public Tracker addListener(TrackerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        listener.attached(this);
        return this;
    }

    /** Metrics logged and not yet taken by the writer: the depth of the write queue. */
    public int queuedMetrics() {
        return writer.queued();
    }

    /** Runs of this tracker that are open now. */
    public int openRuns() {
        return openRuns.size();
    }

    /** Tells every listener; a listener's exception must not break tracking. */
    private void each(Consumer<TrackerListener> event) {
        for (TrackerListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException ignored) {
                // meters are best effort
            }
        }
    }

    /**
     * Runs {@code body} as one run: {@code completed} when it returns, {@code failed} (with the exception as the end
     * reason) when it throws; the exception is rethrown.
     */
    public <T> T run(String project, ADict config, List<String> tags, RunBody<T> body) throws Exception {
        RunHandle run = start(project, config, tags);
        try {
            return body.run(run);
        } catch (Exception | Error e) {
            run.recordFailure(e);
            throw e;
        } finally {
            run.close();
        }
    }

    /** The body of {@link #run}: gets the open run. */
    @FunctionalInterface
    public interface RunBody<T> {
        T run(RunHandle run) throws Exception;
    }

    /** The options this tracker runs with. */
    public TrackerOptions options() {
        return options;
    }

    /**
     * Ends open runs as {@code killed}, writes every buffered metric and stops the writer and heartbeat threads.
     * Closes the connection pool when the tracker opened it.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        endOpenRuns("the tracker was closed while the run was open");
        closed = true;
        heartbeats.shutdownNow();
        try {
            writer.close();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or has run: nothing to remove
            }
            if (ownedDatabase != null) {
                ownedDatabase.close();
            }
        }
    }

    private void forget(RunHandle run) {
        openRuns.remove(run);
        each(listener -> listener.runEnded(run, run.endStatus()));
    }

    private void beat() {
        try {
            Instant now = Instant.now();
            store.heartbeat(openRuns.stream().map(RunHandle::id).collect(Collectors.toList()), now);
            int crashed = store.markCrashed(now.minus(options.crashGrace()));
            if (crashed > 0) {
                each(listener -> listener.runsCrashed(crashed));
            }
        } catch (RuntimeException e) {
            // a missed heartbeat is retried at the next tick; the grace period is several ticks long
        }
    }

    private void onJvmShutdown() {
        if (!closed) {
            endOpenRuns("the JVM shut down (SIGTERM, SIGINT or System.exit) while the run was open");
            heartbeats.shutdownNow();
            writer.close();
        }
    }

    private void endOpenRuns(String reason) {
        for (RunHandle run : List.copyOf(openRuns)) {
            try {
                run.end(RunStatus.KILLED, reason);
            } catch (RuntimeException e) {
                // one run's failure must not keep the others open
            }
        }
    }
}
