package dev.ato.tracker;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Spring Data access to artifacts. */
public interface ArtifactRepository extends JpaRepository<Artifact, Long> {

    List<Artifact> findByRunIdOrderByIdAsc(Long runId);
}
