package dev.ato.hostapp.liquibase;

import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.tracker.RunHandle;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An application whose schema is Liquibase's ({@code db/changelog/db.changelog-master.yaml}); it also tracks runs. */
@SpringBootApplication
public class LiquibaseHostApp {

    /** The application's own job: orders in its own table. */
    @Service
    public static class Orders {

        private final JdbcClient jdbc;
        private final TrackedRuns runs;

        Orders(JdbcClient jdbc, TrackedRuns runs) {
            this.jdbc = jdbc;
            this.runs = runs;
        }

        public long place(String... items) {
            try (RunHandle run = runs.start("orders", "place")) {
                for (String item : items) {
                    jdbc.sql("INSERT INTO orders (item) VALUES (?)").param(item).update();
                }
                run.logMetric("orders", items.length, 1);
                return run.id();
            }
        }
    }
}
