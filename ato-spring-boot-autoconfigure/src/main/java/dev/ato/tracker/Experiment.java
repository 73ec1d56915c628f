package dev.ato.tracker;

import dev.ato.adict.ADict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code experiments} (Python ato's table): one run, its config as JSON, structural hash, tags and status,
 * plus Ato's nullable {@code heartbeat_at} and {@code end_reason}. Read-only in JPA; {@link Tracker} writes runs.
 * The stored status is raw: {@link RunFinder} reports a silent {@code running} run as {@code crashed}.
 */
@Entity
@Immutable
@Table(name = "experiments")
public class Experiment {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false)
    private Project project;

    @Column(nullable = false, columnDefinition = "json")
    private String config;

    @Column(name = "structural_hash", length = 64)
    private String structuralHash;

    @Column(columnDefinition = "json")
    private String tags;

    private String status;

    @Column(name = "start_time")
    private LocalDateTime startTime;

    @Column(name = "end_time")
    private LocalDateTime endTime;

    @Column(name = "heartbeat_at")
    private LocalDateTime heartbeatAt;

    @Column(name = "end_reason", columnDefinition = "text")
    private String endReason;

    protected Experiment() {
    }

    public Long getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    /** The config JSON text, as stored. */
    public String getConfigJson() {
        return config;
    }

    /** The config, parsed. */
    @SuppressWarnings("unchecked")
    public ADict getConfig() {
        Object parsed = PythonJson.read(config);
        return parsed instanceof Map<?, ?> map ? ADict.of((Map<String, ?>) map) : new ADict();
    }

    public String getStructuralHash() {
        return structuralHash;
    }

    /** The tags, parsed from their JSON list. */
    public List<String> getTags() {
        Object parsed = PythonJson.read(tags);
        return parsed instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The stored status text, e.g. {@code completed}. */
    public String getStatus() {
        return status;
    }

    /** UTC, as are the other times. */
    public LocalDateTime getStartTime() {
        return startTime;
    }

    public LocalDateTime getEndTime() {
        return endTime;
    }

    public LocalDateTime getHeartbeatAt() {
        return heartbeatAt;
    }

    public String getEndReason() {
        return endReason;
    }
}
