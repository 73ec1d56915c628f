package dev.ato.autoconfigure.dashboard;

import dev.ato.autoconfigure.dashboard.testapp.DashboardTestApplication;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The dashboard's endpoints served by the JDK's built-in HTTP server, as the {@code dashboard} command serves them
 * from an application that is no web application (no servlet container on its side).
 */
class DashboardHttpServerTest implements DashboardApiContract {

    @TempDir
    static Path directory;

    private static KnownRuns runs;
    private static ConfigurableApplicationContext application;
    private static DashboardHttpServer server;

    @BeforeAll
    static void start() throws IOException {
        runs = KnownRuns.create(directory);
        application = new SpringApplicationBuilder(DashboardTestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + runs.jdbcUrl(), "spring.flyway.enabled=false",
                        "spring.main.banner-mode=off")
                .run("fast");
        DataSource dataSource = application.getBean(DataSource.class);
        server = DashboardHttpServer.start(DashboardRoutes.over(RunFinder.create(dataSource),
                application.getBeanProvider(AtoScopes.class), application.getBean(Sanitizer.class),
                new DashboardProperties()), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (application != null) {
            application.close();
        }
    }

    @Override
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public KnownRuns runs() {
        return runs;
    }
}
