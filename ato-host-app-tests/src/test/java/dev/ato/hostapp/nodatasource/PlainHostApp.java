package dev.ato.hostapp.nodatasource;

import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.tracker.RunHandle;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

import dev.ato.adict.ADict;

/** An application with no database of its own: a computation that Ato tracks in its embedded SQLite file. */
@SpringBootApplication
public class PlainHostApp {

    /** The application's own job: sums the first n numbers, n from Ato's {@code config} scope. */
    @Service
    public static class Summer {

        private final TrackedRuns runs;
        private final ADict config;

        Summer(TrackedRuns runs, @Qualifier("config") ADict config) {
            this.runs = runs;
            this.config = config;
        }

        public long sum() {
            int n = config.getInt("n");
            long total = 0;
            try (RunHandle run = runs.start("sums")) {
                for (int i = 1; i <= n; i++) {
                    total += i;
                    run.logMetric("total", total, i);
                }
            }
            return total;
        }
    }
}
