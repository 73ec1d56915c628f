package dev.ato.tracker;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Spring Data access to fingerprints. */
public interface FingerprintRepository extends JpaRepository<Fingerprint, Long> {

    List<Fingerprint> findByRunIdOrderByIdAsc(Long runId);
}
