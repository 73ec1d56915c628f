package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The single writer of metric rows. Callers put metrics into a bounded queue (waiting when it is full, never
 * dropping); one daemon thread takes them out in JDBC batches, one transaction per batch, at the latest
 * {@code flushInterval} after the first of a batch was logged. {@link #flush()} returns once everything enqueued
 * before it is committed.
 */
final class MetricWriter implements AutoCloseable {

    /** Put into the queue by {@link #flush()} so the writer commits what it holds without waiting. */
    private static final Object FLUSH = new Object();
    /** Put into the queue by {@link #close()}: the writer commits what it holds and ends. */
    private static final Object STOP = new Object();

    private final RunStore store;
    private final BlockingQueue<Object> queue;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final ReentrantLock enqueueLock = new ReentrantLock();
    private final Object progress = new Object();
    private final Thread thread;
    private final Consumer<Consumer<TrackerListener>> listeners;

    /** Metrics enqueued so far; guarded by {@link #enqueueLock}, so it counts in queue order. */
    private long enqueued;
    /** Metrics the writer has finished with (committed, or failed and reported); guarded by {@link #progress}. */
    private long done;
    private @Nullable AtoException failure;
    private volatile boolean closed;

    /** {@code listeners} tells the tracker's listeners of each metric and each batch written. */
    MetricWriter(RunStore store, TrackerOptions options, Consumer<Consumer<TrackerListener>> listeners) {
        this.store = store;
        this.listeners = listeners;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.batchSize = options.batchSize();
        this.flushIntervalNanos = options.flushInterval().toNanos();
        this.thread = new Thread(this::run, "ato-metric-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void enqueue(PendingMetric metric) {
        if (closed) {
            throw new IllegalStateException("the tracker is closed; metric '" + metric.key() + "' was not logged");
        }
        enqueueLock.lock();
        try {
            putUninterruptibly(metric);
            enqueued++;
        } finally {
            enqueueLock.unlock();
        }
        listeners.accept(l -> l.metricLogged(metric.runId(), metric.key(), metric.value(), metric.step()));
    }

    /**
     * Metrics logged but not yet written. Counted, not read off the queue, which also holds flush and stop markers
     * (a flush returns once its metrics are written, possibly before the writer has taken its marker).
     */
    int queued() {
        long logged;
        enqueueLock.lock();
        try {
            logged = enqueued;
        } finally {
            enqueueLock.unlock();
        }
        synchronized (progress) {
            return (int) Math.max(0, logged - done);
        }
    }

    /** Returns when every metric enqueued before this call is committed; throws if a write failed. */
    void flush() {
        long target;
        enqueueLock.lock();
        try {
            target = enqueued;
            if (!closed) {
                putUninterruptibly(FLUSH);
            }
        } finally {
            enqueueLock.unlock();
        }
        synchronized (progress) {
            while (done < target && thread.isAlive()) {
                try {
                    progress.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AtoException("interrupted while flushing metrics", e);
                }
            }
            if (failure != null) {
                AtoException reported = failure;
                failure = null;
                throw reported;
            }
        }
    }

    @Override
    public void close() {
        enqueueLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            putUninterruptibly(STOP);
        } finally {
            enqueueLock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (progress) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private void putUninterruptibly(Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<PendingMetric> batch = new ArrayList<>(batchSize);
        boolean stopping = false;
        while (!stopping) {
            Object item = takeUninterruptibly();
            long deadline = System.nanoTime() + flushIntervalNanos;
            boolean writeNow = false;
            while (true) {
                if (item == STOP) {
                    stopping = true;
                    writeNow = true;
                } else if (item == FLUSH) {
                    writeNow = true;
                } else if (item != null) {
                    batch.add((PendingMetric) item);
                }
                if (writeNow || batch.size() >= batchSize) {
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                item = pollUninterruptibly(left);
                if (item == null) {
                    break;
                }
            }
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            }
        }
    }

    private void write(List<PendingMetric> batch) {
        AtoException error = null;
        long started = System.nanoTime();
        try {
            store.insertMetrics(batch);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            int size = batch.size();
            listeners.accept(l -> l.batchWritten(size, elapsed));
        } catch (AtoException e) {
            error = e;
        } catch (RuntimeException e) {
            error = new AtoException("tracker could not write " + batch.size() + " metrics: " + e.getMessage(), e);
        }
        synchronized (progress) {
            done += batch.size();
            if (error != null && failure == null) {
                failure = error;
            }
            progress.notifyAll();
        }
    }

    private Object takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // the writer ends only through STOP, so no metric is lost
            }
        }
    }

    private @Nullable Object pollUninterruptibly(long nanos) {
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null;
        }
    }
}
