package dev.ato.hostapp.flyway;

import dev.ato.hostapp.HostDatabases;
import dev.ato.tracker.RunFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with its own Flyway and {@code V1__customers.sql} starts with the starter added, migrates only its
 * own script into its own {@code flyway_schema_history}, and tracks a run next to its own work.
 */
class FlywayHostAppTest {

    static Stream<Arguments> databases() {
        return HostDatabases.of("flyway");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theAppsFlywayAndAtosMigrationsCoexist(String name, String url) throws Exception {
        long runId;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(FlywayHostApp.class)
                .web(WebApplicationType.NONE)
                .properties("spring.flyway.locations=classpath:db/migration/{vendor}") // the app's own settings
                .run("--spring.datasource.url=" + url)) {
            runId = context.getBean(FlywayHostApp.Customers.class).importCustomers("Ada", "Grace");
            try (RunFinder finder = RunFinder.create(context.getBean(javax.sql.DataSource.class))) {
                assertThat(finder.findRun(runId)).hasValueSatisfying(run ->
                        assertThat(run.status()).isEqualTo("completed"));
                assertThat(finder.metrics(runId)).singleElement()
                        .satisfies(metric -> assertThat(metric.value()).isEqualTo(2.0));
            }
        }
        assertThat(HostDatabases.column(url, "SELECT name FROM customers ORDER BY id")).containsExactly("Ada", "Grace");
        assertThat(HostDatabases.column(url, "SELECT script FROM flyway_schema_history WHERE version IS NOT NULL"))
                .as("the app's history holds only the app's migration").containsExactly("V1__customers.sql");
        assertThat(HostDatabases.column(url, "SELECT script FROM ato_schema_history WHERE version IS NOT NULL"))
                .as("Ato's history holds Ato's").isNotEmpty().noneMatch(script -> script.contains("customers"));
        assertThat(HostDatabases.tables(url)).contains("customers", "experiments", "metrics", "projects");
    }
}
