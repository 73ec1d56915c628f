package dev.ato.tracker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.LocalDateTime;

/**
 * A row of {@code projects} (Python ato's table): a named group of runs. Read-only in JPA: runs are written by
 * {@link Tracker}, so the JSON and timestamps keep Python ato's shape.
 */
@Entity
@Immutable
@Table(name = "projects")
public class Project {

    @Id
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    /** UTC. */
    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Project() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    /** When the project was created, in UTC. */
    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
