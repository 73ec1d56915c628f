package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One open run, returned by {@link Tracker#start}. Metrics are buffered and written in batches; artifacts and
 * fingerprints are written at once. {@link #close()} ends the run {@code completed}, or {@code failed} when a
 * failure was recorded with {@link #recordFailure(Throwable)}. Safe to use from several threads.
 */
public final class RunHandle implements AutoCloseable {

    private final long id;
    private final RunStore store;
    private final MetricWriter writer;
    private final Consumer<RunHandle> onEnd;
    private volatile @Nullable Throwable failure;
    private volatile @Nullable RunStatus endStatus;

    RunHandle(long id, RunStore store, MetricWriter writer, Consumer<RunHandle> onEnd) {
        this.id = id;
        this.store = store;
        this.writer = writer;
        this.onEnd = onEnd;
    }

    /** The run's id: the {@code experiments.id} column. */
    public long id() {
        return id;
    }

    /** Buffers one metric value at a step; returns at once unless the buffer is full. NaN and infinities are kept. */
    public void logMetric(@Nullable String key, double value, long step) {
        checkOpen();
        if (key == null || key.isEmpty()) {
            throw new AtoConfigException("a metric needs a non-empty key (run " + id + ", step " + step + ")");
        }
        writer.enqueue(new PendingMetric(id, key, value, step, Instant.now()));
    }

    /** Buffers several metrics at one step. */
    public void logMetrics(Map<String, ? extends Number> values, long step) {
        values.forEach((key, value) -> logMetric(key, value.doubleValue(), step));
    }

    /**
     * Records an artifact. When {@code path} names a readable regular file its size and SHA-256 are stored too.
     *
     * @param metadata stored as JSON in {@code data_info}; {@code null} is SQL NULL
     */
    public void logArtifact(String path, String dataType, @Nullable Map<String, ?> metadata) {
        checkOpen();
        Long size = null;
        String sha256 = null;
        Path file = readableFile(path);
        if (file != null) {
            try {
                size = Files.size(file);
                sha256 = sha256(file);
            } catch (IOException e) {
                size = null;
                sha256 = null;
            }
        }
        store.insertArtifact(id, path, dataType, metadata == null ? null : PythonJson.write(metadata), size, sha256);
    }

    /** Records a code or output fingerprint: {@code traceType} is {@code static} or {@code runtime} in Python ato. */
    public void fingerprint(String traceId, String traceType, String hash) {
        checkOpen();
        store.insertFingerprint(id, traceId, traceType, hash);
    }

    /** Returns when every metric logged before this call is durable in the database. */
    public void flush() {
        writer.flush();
    }

    /** Remembers that the run's work failed, so {@link #close()} ends it {@code failed} with this as the reason. */
    public void recordFailure(Throwable cause) {
        this.failure = cause;
    }

    /** Writes buffered metrics and ends the run with {@code status}; later calls do nothing. */
    public void finish(RunStatus status) {
        if (status == RunStatus.RUNNING) {
            throw new AtoConfigException("finish needs a terminal status (completed, failed, killed, crashed, pruned),"
                    + " not running (run " + id + ")");
        }
        Throwable cause = failure;
        end(status, cause == null ? null : cause.getClass().getName() + ": " + cause.getMessage());
    }

    /** Ends the run {@code completed}, or {@code failed} after {@link #recordFailure(Throwable)}. */
    @Override
    public void close() {
        finish(failure == null ? RunStatus.COMPLETED : RunStatus.FAILED);
    }

    /** The status the run ended with, or {@code null} while it is open. */
    public @Nullable RunStatus endStatus() {
        return endStatus;
    }

    synchronized void end(RunStatus status, @Nullable String reason) {
        if (endStatus != null) {
            return;
        }
        try {
            writer.flush();
        } finally {
            store.finishRun(id, status, reason, Instant.now());
            endStatus = status;
            onEnd.accept(this);
        }
    }

    private void checkOpen() {
        if (endStatus != null) {
            throw new IllegalStateException("run " + id + " has ended (" + endStatus.dbValue() + ")");
        }
    }

    private static @Nullable Path readableFile(String path) {
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) && Files.isReadable(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
