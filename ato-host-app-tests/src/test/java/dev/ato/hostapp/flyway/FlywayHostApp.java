package dev.ato.hostapp.flyway;

import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.tracker.RunHandle;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An application with its own Flyway migration ({@code db/migration/V1__customers.sql}) that also tracks runs. */
@SpringBootApplication
public class FlywayHostApp {

    /** The application's own job: customers in its own table. */
    @Service
    public static class Customers {

        private final JdbcClient jdbc;
        private final TrackedRuns runs;

        Customers(JdbcClient jdbc, TrackedRuns runs) {
            this.jdbc = jdbc;
            this.runs = runs;
        }

        public long importCustomers(String... names) {
            try (RunHandle run = runs.start("customers", "import")) {
                for (String name : names) {
                    jdbc.sql("INSERT INTO customers (name) VALUES (?)").param(name).update();
                }
                long count = jdbc.sql("SELECT COUNT(*) FROM customers").query(Long.class).single();
                run.logMetric("customers", count, 1);
                return run.id();
            }
        }
    }
}
