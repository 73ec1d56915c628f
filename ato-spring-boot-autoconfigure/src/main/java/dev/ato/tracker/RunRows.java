package dev.ato.tracker;

import dev.ato.adict.ADict;
import dev.ato.sanitize.Sanitizer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code experiments} rows into {@link Run}s, reporting stale {@code running} runs as {@code crashed}, with the
 * config's secrets and the end reason's quotes of them masked (configs stored in clear by older versions or by
 * Python ato never leave in clear).
 */
final class RunRows {

    static final String COLUMNS = "e.id, e.project_id, e.config, e.structural_hash, e.tags, e.status, e.start_time,"
            + " e.end_time, e.heartbeat_at, e.end_reason";

    private final SqlFlavor flavor;
    private final Duration crashGrace;
    private final Sanitizer sanitizer;

    RunRows(SqlFlavor flavor, Duration crashGrace, Sanitizer sanitizer) {
        this.flavor = flavor;
        this.crashGrace = crashGrace;
        this.sanitizer = sanitizer == null ? null : sanitizer.showingValues(true);
    }

    /** Whether the sanitizer masks the value at this dotted config key (never without a sanitizer). */
    boolean isSecret(String key) {
        return sanitizer != null && sanitizer.isSecret(key);
    }

    /** Heartbeats older than this mean the run's process is gone. */
    Instant crashCutoff() {
        return Instant.now().minus(crashGrace);
    }

    List<Run> list(PreparedStatement ps) throws SQLException {
        Instant cutoff = crashCutoff();
        List<Run> runs = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                runs.add(run(rs, cutoff));
            }
        }
        return runs;
    }

    Run run(ResultSet rs, Instant cutoff) throws SQLException {
        Instant heartbeat = flavor.getTime(rs, "heartbeat_at");
        String status = rs.getString("status");
        if (RunStatus.RUNNING.dbValue().equals(status) && heartbeat != null && heartbeat.isBefore(cutoff)) {
            status = RunStatus.CRASHED.dbValue();
        }
        ADict config = config(rs.getString("config"));
        String endReason = rs.getString("end_reason");
        if (sanitizer != null) {
            endReason = sanitizer.text(endReason, config);
            config = sanitizer.config(config);
        }
        return new Run(rs.getLong("id"), rs.getLong("project_id"), config,
                rs.getString("structural_hash"), tags(rs.getString("tags")), status,
                flavor.getTime(rs, "start_time"), flavor.getTime(rs, "end_time"), heartbeat, endReason);
    }

    @SuppressWarnings("unchecked")
    private static ADict config(String json) {
        Object parsed = PythonJson.read(json);
        return parsed instanceof Map<?, ?> map ? ADict.of((Map<String, ?>) map) : new ADict();
    }

    private static List<String> tags(String json) {
        Object parsed = PythonJson.read(json);
        if (!(parsed instanceof List<?> list)) {
            return List.of();
        }
        List<String> tags = new ArrayList<>(list.size());
        for (Object tag : list) {
            tags.add(String.valueOf(tag));
        }
        return List.copyOf(tags);
    }
}
