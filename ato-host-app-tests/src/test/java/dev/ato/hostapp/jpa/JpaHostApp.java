package dev.ato.hostapp.jpa;

import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.tracker.RunHandle;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** An application with its own JPA entity and Spring Data repository; it also tracks runs. */
@SpringBootApplication
public class JpaHostApp {

    /** The application's own job. */
    @Service
    public static class Library {

        private final Books books;
        private final TrackedRuns runs;

        Library(Books books, TrackedRuns runs) {
            this.books = books;
            this.runs = runs;
        }

        /**
         * The run wraps the work, and each write commits on its own (saveAll is one transaction). On SQLite a run
         * must not end inside the application's own open write transaction: SQLite has one writer at a time.
         */
        public long shelve(String... titles) {
            try (RunHandle run = runs.start("library", "shelve")) {
                books.saveAll(java.util.Arrays.stream(titles).map(Book::new).toList());
                run.logMetric("books", books.count(), 1);
                return run.id();
            }
        }
    }
}
