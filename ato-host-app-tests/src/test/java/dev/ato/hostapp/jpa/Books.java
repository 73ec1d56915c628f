package dev.ato.hostapp.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** The application's own Spring Data repository. */
public interface Books extends JpaRepository<Book, Long> {

    List<Book> findByTitleContaining(String part);
}
