package dev.ato.tracker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code artifacts} (Python ato's table): a file or object a run produced, its data type and metadata
 * JSON, plus Ato's nullable size and SHA-256. Read-only in JPA; {@link RunHandle#logArtifact} writes them.
 */
@Entity
@Immutable
@Table(name = "artifacts")
public class Artifact {

    @Id
    private Long id;

    @Column(name = "run_id", nullable = false)
    private Long runId;

    @Column(nullable = false)
    private String path;

    @Column(name = "data_type")
    private String dataType;

    @Column(name = "data_info", columnDefinition = "json")
    private String dataInfo;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(length = 64)
    private String sha256;

    protected Artifact() {
    }

    public Long getId() {
        return id;
    }

    public Long getRunId() {
        return runId;
    }

    public String getPath() {
        return path;
    }

    public String getDataType() {
        return dataType;
    }

    /** The metadata JSON text, or {@code null} (Python ato may have stored the text {@code null}). */
    public String getDataInfo() {
        return dataInfo;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }
}
