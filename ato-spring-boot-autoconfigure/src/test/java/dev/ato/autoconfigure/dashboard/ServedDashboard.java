package dev.ato.autoconfigure.dashboard;

import dev.ato.autoconfigure.dashboard.testapp.DashboardTestApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Base of the tests that talk to a served dashboard: one application on a random port over one {@link KnownRuns}
 * file, shared by every subclass through Spring's context cache.
 */
@SpringBootTest(classes = DashboardTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = {"fast", "batch_size=64"},
        properties = {"ato.dashboard.enabled=true", "ato.dashboard.poll-interval=200ms", "spring.flyway.enabled=false",
                "spring.main.banner-mode=off"})
abstract class ServedDashboard {

    static final KnownRuns RUNS = createRuns();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", RUNS::jdbcUrl);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static KnownRuns createRuns() {
        try {
            return KnownRuns.create(Files.createTempDirectory("ato-dashboard"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
