package dev.ato.hostapp.jpa;

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

/**
 * An application with its own JPA entities (Hibernate creates its table, {@code ddl-auto=update}) and Spring Data
 * repository starts with the starter; its repository and Ato's tracker both work on the one database.
 */
class JpaHostAppTest {

    static Stream<Arguments> databases() {
        return HostDatabases.of("jpa");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theAppsEntitiesAndAtosTrackerShareTheDatabase(String name, String url) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JpaHostApp.class)
                .web(WebApplicationType.NONE).properties("spring.jpa.hibernate.ddl-auto=update")
                .run("--spring.datasource.url=" + url)) {
            long runId = context.getBean(JpaHostApp.Library.class).shelve("Dune", "Emma");
            assertThat(context.getBean(Books.class).findByTitleContaining("un"))
                    .extracting(Book::getTitle).containsExactly("Dune");
            try (RunFinder finder = RunFinder.create(context.getBean(DataSource.class))) {
                assertThat(finder.findRun(runId).orElseThrow().status()).isEqualTo("completed");
                assertThat(finder.metrics(runId)).singleElement()
                        .satisfies(metric -> assertThat(metric.value()).isEqualTo(2.0));
            }
        }
        assertThat(HostDatabases.tables(url)).contains("book", "experiments", "ato_schema_history");
    }
}
