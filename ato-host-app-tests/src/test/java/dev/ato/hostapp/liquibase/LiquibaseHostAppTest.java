package dev.ato.hostapp.liquibase;

import dev.ato.hostapp.HostDatabases;
import dev.ato.tracker.RunFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An application migrated by Liquibase starts with the starter, keeps its changelog, and tracks a run. */
class LiquibaseHostAppTest {

    static Stream<Arguments> databases() {
        return HostDatabases.of("liquibase");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void liquibaseAndAtosMigrationsCoexist(String name, String url) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LiquibaseHostApp.class)
                .web(WebApplicationType.NONE).run("--spring.datasource.url=" + url)) {
            long runId = context.getBean(LiquibaseHostApp.Orders.class).place("book", "pen");
            try (RunFinder finder = RunFinder.create(context.getBean(DataSource.class))) {
                assertThat(finder.findRun(runId).orElseThrow().status()).isEqualTo("completed");
                assertThat(finder.metrics(runId)).singleElement()
                        .satisfies(metric -> assertThat(metric.value()).isEqualTo(2.0));
            }
        }
        assertThat(HostDatabases.column(url, "SELECT item FROM orders ORDER BY id")).containsExactly("book", "pen");
        assertThat(HostDatabases.column(url, "SELECT id FROM databasechangelog")).containsExactly("1");
        assertThat(HostDatabases.tables(url)).contains("orders", "databasechangelog", "experiments", "metrics",
                "ato_schema_history").doesNotContain("flyway_schema_history");
    }
}
