package dev.ato.autoconfigure.tracker;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AtoSqliteAutoConfigurationTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(AtoSqliteAutoConfiguration.class, DataSourceAutoConfiguration.class));

    @Test
    void withoutADatabaseBootsPoolConnectsToTheSqliteFileInWalModeAfterCreatingItsDirectory() {
        Path file = dir.resolve("nested/runs/experiments.db");
        runner.withPropertyValues("ato.sqlite.path=" + file, "ato.sqlite.busy-timeout=7s").run(context -> {
            assertThat(context).hasSingleBean(JdbcConnectionDetails.class);
            assertThat(Files.isDirectory(file.getParent())).isTrue();
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(jdbc.queryForObject("PRAGMA journal_mode", String.class)).isEqualTo("wal");
            assertThat(jdbc.queryForObject("PRAGMA busy_timeout", Integer.class)).isEqualTo(7000);
            assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
                    .isEqualTo("jdbc:sqlite:" + file + "?journal_mode=wal&busy_timeout=7000&foreign_keys=true"
                            + "&transaction_mode=IMMEDIATE&synchronous=NORMAL");
            assertThat(file).exists();
        });
    }

    @Test
    void backsOffWhenTheApplicationConfiguresADatabaseUrl() {
        runner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + dir.resolve("own.db"))
                .run(context -> {
                    assertThat(context).doesNotHaveBean("atoSqliteConnectionDetails");
                    assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).contains("own.db");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesADataSource() {
        runner.withUserConfiguration(OwnDataSource.class).run(context -> {
            assertThat(context).doesNotHaveBean("atoSqliteConnectionDetails");
            assertThat(context.getBean(DataSource.class)).isInstanceOf(SimpleDriverDataSource.class);
        });
    }

    @Test
    void backsOffWhenSwitchedOffOrWhenSqliteIsMissing() {
        ApplicationContextRunner atoOnly = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AtoSqliteAutoConfiguration.class));
        atoOnly.withPropertyValues("ato.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(JdbcConnectionDetails.class));
        atoOnly.withPropertyValues("ato.sqlite.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(JdbcConnectionDetails.class));
        atoOnly.withClassLoader(new FilteredClassLoader("org.sqlite"))
                .run(context -> assertThat(context).doesNotHaveBean(JdbcConnectionDetails.class));
    }

    @Test
    void anUncreatableDirectoryFailsNamingThePathAndTheProperty() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "not a directory");
        runner.withPropertyValues("ato.sqlite.path=" + blocker.resolve("x.db")).run(context -> {
            Throwable failure = context.getStartupFailure();
            while (!(failure instanceof AtoConfigException)) {
                assertThat(failure).as("an AtoConfigException in the cause chain").isNotNull();
                failure = failure.getCause();
            }
            assertThat(failure).hasMessageContaining("cannot create the directory " + blocker)
                    .hasMessageContaining("ato.sqlite.path");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDataSource {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite::memory:");
        }
    }
}
