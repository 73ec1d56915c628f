package dev.ato.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.web.servlet.DispatcherServlet;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When the dashboard is served, when only its Shell command is offered, and when neither. */
class DashboardAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DashboardAutoConfiguration.class))
            .withBean(DataSource.class,
                    () -> new SimpleDriverDataSource(new org.sqlite.JDBC(), "jdbc:sqlite::memory:"));

    @Test
    void offByDefaultButTheShellCommandIsThere() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(DashboardRoutes.class);
            assertThat(context).hasSingleBean(DashboardCommand.class);
        });
    }

    @Test
    void servedWhenEnabled() {
        runner.withPropertyValues("ato.dashboard.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(DashboardRoutes.class);
            assertThat(context).hasSingleBean(DashboardEndpoint.class);
        });
    }

    @Test
    void theCommandNeedsNoSpringMvcButServingInTheAppDoes() {
        runner.withPropertyValues("ato.dashboard.enabled=true")
                .withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(DashboardRoutes.class)
                        .hasSingleBean(DashboardCommand.class));
        runner.withPropertyValues("ato.dashboard.enabled=true", "ato.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DashboardRoutes.class)
                        .doesNotHaveBean(DashboardCommand.class));
        runner.withPropertyValues("ato.shell.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DashboardCommand.class));
    }
}
