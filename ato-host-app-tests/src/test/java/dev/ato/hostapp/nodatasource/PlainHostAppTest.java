package dev.ato.hostapp.nodatasource;

import dev.ato.tracker.RunFinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An application without any DataSource: the starter's embedded SQLite file is the only database, for Ato. */
class PlainHostAppTest {

    @Test
    void atoTracksInItsOwnSqliteFile() throws Exception {
        Path db = Path.of("target", "hostapps", "plain", UUID.randomUUID() + ".db").toAbsolutePath();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PlainHostApp.class)
                .web(WebApplicationType.NONE).run("--ato.sqlite.path=" + db, "--config.n=10")) {
            assertThat(context.getBean(PlainHostApp.Summer.class).sum()).isEqualTo(55);
            assertThat(context.getBeansOfType(DataSource.class)).hasSize(1);
            try (RunFinder finder = RunFinder.create(context.getBean(DataSource.class))) {
                assertThat(finder.runsInProject("sums")).singleElement().satisfies(run -> {
                    assertThat(run.status()).isEqualTo("completed");
                    assertThat(run.config().get("n")).isEqualTo(10);
                });
            }
        }
        assertThat(Files.size(db)).isPositive();
    }
}
