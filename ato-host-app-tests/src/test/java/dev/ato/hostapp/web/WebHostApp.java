package dev.ato.hostapp.web;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;
import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.tracker.RunHandle;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** A Web MVC application with the Actuator: its own REST endpoint, and one that runs a tracked training step. */
@SpringBootApplication
public class WebHostApp {

    /** The {@code config} scope, with secrets at several depths. */
    @AtoScope("config")
    public static class Views {

        @AtoObserve(defaultView = true)
        void defaults(ADict config) {
            config.set("lr", 0.1);
            config.set("db", ADict.of(Map.of("host", "db.internal", "password", "view-secret")));
            config.set("aws", ADict.of(Map.of("credentials", Map.of("access_key_id", "AKIA-VIEW", "region", "eu"))));
            config.set("model", ADict.of(Map.of("layers", List.of(Map.of("width", 64, "api_token", "tok-deep")))));
        }
    }

    /** The application's own endpoints. */
    @RestController
    public static class Endpoints {

        private final TrackedRuns runs;

        Endpoints(TrackedRuns runs) {
            this.runs = runs;
        }

        @GetMapping("/greet")
        String greet(@RequestParam String name) {
            return "hello " + name;
        }

        @PostMapping("/train")
        long train() {
            try (RunHandle run = runs.start("web", "train")) {
                run.logMetric("loss", 0.5, 1);
                return run.id();
            }
        }
    }
}
