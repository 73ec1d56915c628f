package dev.ato.autoconfigure.observe;

import org.jspecify.annotations.Nullable;

import dev.ato.tracker.RunHandle;
import dev.ato.tracker.RunStatus;
import dev.ato.tracker.Tracker;
import dev.ato.tracker.TrackerListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tracker's Micrometer meters, fed by its {@link TrackerListener} events (names in {@code docs/spring.md}):
 * runs started and ended by status, metrics logged, batch write time, write-queue depth and open runs; and, when
 * {@code ato.tracker.meters.live-run-metrics} is on, the latest value of each metric of each open run as a gauge
 * tagged with the run id, removed when the run ends. The tracker itself stays lazy: nothing here creates it.
 */
final class TrackerMeters implements MeterBinder, TrackerListener {

    static final String RUNS_STARTED = "ato.tracker.runs.started";
    static final String RUNS_ENDED = "ato.tracker.runs.ended";
    static final String METRICS_LOGGED = "ato.tracker.metrics.logged";
    static final String BATCH_WRITE = "ato.tracker.metrics.batch.write";
    static final String QUEUE = "ato.tracker.metrics.queued";
    static final String OPEN_RUNS = "ato.tracker.runs.open";
    static final String RUN_METRIC = "ato.run.metric";

    private final boolean liveRunMetrics;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final AtomicReference<Tracker> tracker = new AtomicReference<>();
    /** Per open run: metric key to its latest value, and the gauges registered for it. */
    private final Map<Long, Map<String, double[]>> latest = new ConcurrentHashMap<>();
    private final Map<Long, List<Meter>> runGauges = new ConcurrentHashMap<>();

    TrackerMeters(boolean liveRunMetrics) {
        this.liveRunMetrics = liveRunMetrics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registries.add(registry);
        Counter.builder(RUNS_STARTED).description("Runs started by this process's tracker").register(registry);
        for (RunStatus status : List.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.KILLED, RunStatus.CRASHED)) {
            ended(registry, status);
        }
        Counter.builder(METRICS_LOGGED).description("Metric values logged").register(registry);
        Timer.builder(BATCH_WRITE).description("Time to write one batch of metrics").register(registry);
        Gauge.builder(QUEUE, tracker, t -> t.get() == null ? 0 : t.get().queuedMetrics())
                .description("Metrics waiting to be written").register(registry);
        Gauge.builder(OPEN_RUNS, tracker, t -> t.get() == null ? 0 : t.get().openRuns())
                .description("Runs open in this process").register(registry);
    }

    private static Counter ended(MeterRegistry registry, RunStatus status) {
        return Counter.builder(RUNS_ENDED).tag("status", status.dbValue().toLowerCase(Locale.ROOT))
                .description("Runs ended, by status (crashed: found silent by the heartbeat)").register(registry);
    }

    @Override
    public void attached(Tracker tracker) {
        this.tracker.set(tracker);
    }

    @Override
    public void runStarted(RunHandle run, String project) {
        registries.forEach(r -> r.counter(RUNS_STARTED).increment());
    }

    @Override
    public void runEnded(RunHandle run, @Nullable RunStatus status) {
        if (status != null) {
            registries.forEach(r -> ended(r, status).increment());
        }
        latest.remove(run.id());
        List<Meter> gauges = runGauges.remove(run.id());
        if (gauges != null) {
            for (Meter gauge : gauges) {
                registries.forEach(r -> r.remove(gauge));
            }
        }
    }

    @Override
    public void runsCrashed(int count) {
        registries.forEach(r -> ended(r, RunStatus.CRASHED).increment(count));
    }

    @Override
    public void metricLogged(long runId, String key, double value, long step) {
        registries.forEach(r -> r.counter(METRICS_LOGGED).increment());
        if (liveRunMetrics) {
            Map<String, double[]> values = latest.computeIfAbsent(runId, id -> new ConcurrentHashMap<>());
            double[] cell = values.get(key);
            if (cell == null) {
                double[] fresh = {value};
                cell = values.putIfAbsent(key, fresh);
                if (cell == null) {
                    register(runId, key, fresh);
                    return;
                }
            }
            cell[0] = value;
        }
    }

    private void register(long runId, String key, double[] cell) {
        Tags tags = Tags.of("run", Long.toString(runId), "key", key);
        List<Meter> gauges = runGauges.computeIfAbsent(runId, id -> new CopyOnWriteArrayList<>());
        for (MeterRegistry registry : registries) {
            gauges.add(Gauge.builder(RUN_METRIC, cell, c -> c[0]).tags(tags)
                    .description("Latest value of a metric of an open run").register(registry));
        }
    }

    @Override
    public void batchWritten(int size, Duration elapsed) {
        registries.forEach(r -> r.timer(BATCH_WRITE).record(elapsed));
    }
}
