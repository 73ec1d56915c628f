package dev.ato.tracker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code fingerprints} (Python ato's table): the hash of a traced function's code ({@code static}) or
 * outputs ({@code runtime}) in a run. Read-only in JPA; {@link RunHandle#fingerprint} writes them.
 */
@Entity
@Immutable
@Table(name = "fingerprints")
public class Fingerprint {

    @Id
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @Column(name = "trace_id", nullable = false)
    private String traceId;

    @Column(name = "trace_type", nullable = false, length = 32)
    private String traceType;

    @Column(nullable = false, length = 128)
    private String fingerprint;

    protected Fingerprint() {
    }

    public Long getId() {
        return id;
    }

    public Long getRunId() {
        return runId;
    }

    public String getTraceId() {
        return traceId;
    }

    public String getTraceType() {
        return traceType;
    }

    public String getFingerprint() {
        return fingerprint;
    }
}
