package dev.ato.tracker;

import dev.ato.AtoException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The tracker's writes in plain JDBC: each one a short transaction, retried while the database is busy (another
 * process holds SQLite's write lock, or PostgreSQL reports a serialization conflict), so callers never see a lock
 * error.
 */
final class RunStore {

    /** How long a write keeps retrying a busy database before it gives up with an error. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

    private final DataSource dataSource;
    private final SqlFlavor flavor;

    RunStore(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection connection = dataSource.getConnection()) {
            this.flavor = SqlFlavor.of(connection);
            flavor.persistSettings(connection);
        } catch (SQLException e) {
            throw new AtoException("cannot connect to the tracker database: " + e.getMessage(), e);
        }
    }

    SqlFlavor flavor() {
        return flavor;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T write(String what, SqlWork<T> work) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pause = 2;
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                flavor.prepare(connection);
                flavor.begin(connection);
                try {
                    T result = work.run(connection);
                    flavor.commit(connection);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    flavor.rollbackQuietly(connection);
                    throw e;
                }
            } catch (SQLException e) {
                if (!flavor.isTransient(e) || System.nanoTime() > deadline) {
                    throw new AtoException("tracker could not " + what + ": " + e.getMessage(), e);
                }
            }
            sleep(pause);
            pause = Math.min(pause * 2, 100);
        }
    }

    <T> T read(String what, SqlWork<T> work) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                flavor.prepare(connection);
                return work.run(connection);
            } catch (SQLException e) {
                if (!flavor.isTransient(e) || System.nanoTime() > deadline) {
                    throw new AtoException("tracker could not " + what + ": " + e.getMessage(), e);
                }
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtoException("interrupted while waiting for the tracker database", e);
        }
    }

    /** Creates the project if needed (two processes may race: the unique name decides) and a running run. */
    long startRun(String project, String configJson, String structuralHash, String tagsJson, Instant now) {
        return write("start a run in project '" + project + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO projects (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, project);
                flavor.setTime(ps, 2, now);
                ps.executeUpdate();
            }
            long projectId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM projects WHERE name = ?")) {
                ps.setString(1, project);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    projectId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO experiments (project_id, config, structural_hash,"
                    + " tags, status, start_time, heartbeat_at) VALUES (?, " + flavor.jsonParameter() + ", ?, "
                    + flavor.jsonParameter() + ", ?, ?, ?) RETURNING id")) {
                ps.setLong(1, projectId);
                ps.setString(2, configJson);
                ps.setString(3, structuralHash);
                ps.setString(4, tagsJson);
                ps.setString(5, RunStatus.RUNNING.dbValue());
                flavor.setTime(ps, 6, now);
                flavor.setTime(ps, 7, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    void finishRun(long runId, RunStatus status, String reason, Instant now) {
        write("finish run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE experiments SET status = ?, end_time = ?, end_reason = ?, heartbeat_at = ? WHERE id = ?")) {
                ps.setString(1, status.dbValue());
                flavor.setTime(ps, 2, now);
                ps.setString(3, reason);
                flavor.setTime(ps, 4, now);
                ps.setLong(5, runId);
                return ps.executeUpdate();
            }
        });
    }

    void heartbeat(Collection<Long> runIds, Instant now) {
        if (runIds.isEmpty()) {
            return;
        }
        write("write a heartbeat", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE experiments SET heartbeat_at = ? WHERE id = ? AND status = 'running'")) {
                for (long id : runIds) {
                    flavor.setTime(ps, 1, now);
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** Marks {@code running} runs whose heartbeat stopped before {@code cutoff} as {@code crashed}. */
    int markCrashed(Instant cutoff) {
        return write("mark silent runs crashed", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE experiments SET status = 'crashed', end_time ="
                    + " heartbeat_at, end_reason = 'no heartbeat since ' || " + heartbeatText()
                    + " WHERE status = 'running' AND heartbeat_at IS NOT NULL AND heartbeat_at < ?")) {
                flavor.setTime(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    private String heartbeatText() {
        return flavor == SqlFlavor.SQLITE ? "heartbeat_at" : "CAST(heartbeat_at AS text)";
    }

    void insertArtifact(long runId, String path, String dataType, String infoJson, Long size, String sha256) {
        write("log artifact " + path, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO artifacts (run_id, path, data_type, data_info,"
                    + " size_bytes, sha256) VALUES (?, ?, ?, " + flavor.jsonParameter() + ", ?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, path);
                ps.setString(3, dataType);
                ps.setString(4, infoJson);
                ps.setObject(5, size);
                ps.setString(6, sha256);
                return ps.executeUpdate();
            }
        });
    }

    void insertFingerprint(long runId, String traceId, String traceType, String hash) {
        write("record fingerprint " + traceId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO fingerprints (run_id, trace_id, trace_type, fingerprint) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, runId);
                ps.setString(2, traceId);
                ps.setString(3, traceType);
                ps.setString(4, hash);
                return ps.executeUpdate();
            }
        });
    }

    /** One JDBC batch in one transaction: the hot path. */
    void insertMetrics(List<PendingMetric> batch) {
        write("write " + batch.size() + " metrics", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metrics (run_id, \"key\", value, step, timestamp) VALUES (?, ?, ?, ?, ?)")) {
                TimeText times = new TimeText(flavor);
                for (PendingMetric m : batch) {
                    ps.setLong(1, m.runId());
                    ps.setString(2, m.key());
                    flavor.setMetricValue(ps, 3, m.value());
                    ps.setLong(4, m.step());
                    times.set(ps, 5, m.loggedAt());
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }
}
