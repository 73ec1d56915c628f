package dev.ato.tracker;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Spring Data access to runs ({@code experiments} rows). */
public interface ExperimentRepository extends JpaRepository<Experiment, Long> {

    /** A project's runs, oldest first. */
    List<Experiment> findByProjectNameOrderByIdAsc(String projectName);

    /** Runs with the given config structure. */
    List<Experiment> findByStructuralHashOrderByIdAsc(String structuralHash);
}
