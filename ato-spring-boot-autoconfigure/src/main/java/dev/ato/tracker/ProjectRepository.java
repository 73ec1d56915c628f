package dev.ato.tracker;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

/** Spring Data access to projects. */
public interface ProjectRepository extends JpaRepository<Project, Long> {

    Optional<Project> findByName(String name);
}
