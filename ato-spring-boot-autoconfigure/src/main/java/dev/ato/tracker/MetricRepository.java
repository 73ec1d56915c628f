package dev.ato.tracker;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Spring Data access to metric rows. */
public interface MetricRepository extends JpaRepository<Metric, Long> {

    /** One key's values of a run, by step. */
    List<Metric> findByRunIdAndKeyOrderByStepAsc(Long runId, String key);

    long countByRunId(Long runId);
}
