package dev.ato.tracker;

import org.jspecify.annotations.Nullable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The tracker's writes in plain JDBC (the metric batch is the measured hot path): each one a short transaction of
 * {@link Database#write}, so callers never see a lock error.
 */
final class RunStore {

    private final Database database;
    private final SqlFlavor flavor;

    RunStore(Database database) {
        this.database = database;
        this.flavor = database.flavor();
    }

    SqlFlavor flavor() {
        return flavor;
    }

    Database database() {
        return database;
    }

    <T> T write(String what, Database.SqlWork<T> work) {
        return database.write(what, work);
    }

    <T> T read(String what, Database.SqlWork<T> work) {
        return database.read(what, work);
    }

    /** Creates the project if needed (two processes may race: the unique name decides) and a running run. */
    long startRun(String project, String configJson, String structuralHash, String tagsJson, Instant now) {
        return write("start a run in project '" + project + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    flavor.insertIfAbsent("projects", "name, created_at", "?, ?", "name"))) {
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

    /** Ends a run; a run the search marked {@code superseded} keeps that status. */
    void finishRun(long runId, RunStatus status, String reason, Instant now) {
        write("finish run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE experiments SET status = ?, end_time = ?, end_reason = ?, heartbeat_at = ? WHERE id = ?"
                            + " AND status <> 'superseded'")) {
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
                    + " heartbeat_at, end_reason = " + flavor.concat("'no heartbeat since '",
                            flavor.timeAsText("heartbeat_at"))
                    + " WHERE status = 'running' AND heartbeat_at IS NOT NULL AND heartbeat_at < ?")) {
                flavor.setTime(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    void insertArtifact(long runId, String path, String dataType, @Nullable String infoJson, Long size, String sha256) {
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
                    "INSERT INTO metrics (run_id, " + flavor.key() + ", value, step, timestamp) VALUES (?, ?, ?, ?, ?)")) {
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
