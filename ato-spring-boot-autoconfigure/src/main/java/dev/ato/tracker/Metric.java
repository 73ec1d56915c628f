package dev.ato.tracker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDateTime;

/**
 * A row of {@code metrics} (Python ato's table): one value of one key at one step of a run. Read-only in JPA;
 * {@link RunHandle#logMetric} writes them in JDBC batches. A NaN on SQLite is stored as the text {@code 'NaN'}, which
 * this mapping cannot read as a number: use {@link RunFinder#metrics(long)} for such runs.
 */
@Entity
@Immutable
@Table(name = "metrics")
public class Metric {

    @Id
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @Column(name = "\"key\"", nullable = false)
    private String key;

    @Column(nullable = false)
    private double value;

    @Column(nullable = false)
    private long step;

    @Column(name = "timestamp")
    private LocalDateTime loggedAt;

    protected Metric() {
    }

    public Long getId() {
        return id;
    }

    public Long getRunId() {
        return runId;
    }

    public String getKey() {
        return key;
    }

    public double getValue() {
        return value;
    }

    public long getStep() {
        return step;
    }

    /** When the value was logged, in UTC. */
    public LocalDateTime getLoggedAt() {
        return loggedAt;
    }
}
