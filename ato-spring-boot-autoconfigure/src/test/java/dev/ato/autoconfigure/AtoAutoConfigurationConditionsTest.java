package dev.ato.autoconfigure;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.actuate.AtoEndpoint;
import dev.ato.autoconfigure.sanitize.AtoSanitizerAutoConfiguration;
import dev.ato.autoconfigure.actuate.AtoEndpointAutoConfiguration;
import dev.ato.autoconfigure.hyperopt.AtoHyperBandAutoConfiguration;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.shell.AtoShellAutoConfiguration;
import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.autoconfigure.tracker.AtoSqliteAutoConfiguration;
import dev.ato.autoconfigure.tracker.AtoTrackerAutoConfiguration;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each auto-configuration's conditions and the user's overrides. */
class AtoAutoConfigurationConditionsTest {

    private static final AutoConfigurations ALL = AutoConfigurations.of(AtoSanitizerAutoConfiguration.class,
            AtoSqliteAutoConfiguration.class,
            DataSourceAutoConfiguration.class, AtoScopeAutoConfiguration.class, AtoTrackerAutoConfiguration.class,
            AtoHyperBandAutoConfiguration.class, AtoShellAutoConfiguration.class, AtoEndpointAutoConfiguration.class);

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("ato.sqlite.path=" + dir.resolve("experiments.db"));
    }

    @Test
    void byDefaultEverythingIsThereWithTheConfigScopeWhenNoViewsExist() {
        runner().withPropertyValues("config.lr=0.1").run(context -> {
            assertThat(context).hasSingleBean(AtoScopes.class).hasSingleBean(Tracker.class)
                    .hasSingleBean(HyperBandService.class)
                    .hasSingleBean(RunFinder.class).hasSingleBean(AtoShellRunner.class)
                    .doesNotHaveBean(AtoEndpoint.class);
            assertThat(context.getBean(CommandRegistry.class).getCommandByName("hyperband run")).isNotNull();
            ADict config = context.getBean("config", ADict.class);
            assertThat(config.getDouble("lr")).as("external property").isEqualTo(0.1);
        });
    }

    @Test
    void atoEnabledFalseTurnsEverythingOff() {
        runner().withPropertyValues("ato.enabled=false", "spring.datasource.url=jdbc:sqlite:" + dir.resolve("x.db"))
                .run(context -> assertThat(context).doesNotHaveBean(AtoScopes.class).doesNotHaveBean(Tracker.class)
                        .doesNotHaveBean(AtoShellRunner.class).doesNotHaveBean("atoSqliteConnectionDetails")
                        .doesNotHaveBean(ADict.class));
    }

    @Test
    void partsSwitchOffOneByOne() {
        runner().withPropertyValues("ato.tracker.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(Tracker.class).hasSingleBean(AtoScopes.class));
        runner().withPropertyValues("ato.shell.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(AtoShellRunner.class).hasSingleBean(Tracker.class));
    }

    @Test
    void withoutHyperBandTheShellLeavesOutItsCommands() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AtoSqliteAutoConfiguration.class,
                        DataSourceAutoConfiguration.class, AtoScopeAutoConfiguration.class,
                        AtoTrackerAutoConfiguration.class, AtoShellAutoConfiguration.class))
                .withPropertyValues("ato.sqlite.path=" + dir.resolve("nohb.db"))
                .run(context -> {
                    CommandRegistry commands = context.getBean(CommandRegistry.class);
                    assertThat(commands.getCommandByName("manual")).isNotNull();
                    assertThat(commands.getCommandByName("hyperband run")).isNull();
                });
    }

    @Test
    void theShellPartNeedsSpringShell() {
        runner().withClassLoader(new FilteredClassLoader(Command.class)).run(context ->
                assertThat(context).doesNotHaveBean(AtoShellRunner.class).hasSingleBean(AtoScopes.class));
    }

    @Test
    void theApplicationsOwnTrackerReplacesAtos() {
        runner().withUserConfiguration(OwnTracker.class).run(context -> {
            assertThat(context).hasSingleBean(Tracker.class);
            assertThat(context).hasBean("myTracker").doesNotHaveBean("atoTracker");
        });
    }

    @Test
    void theEndpointExistsOnlyWhenExposedAndMasksValuesByDefault() {
        new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("ato.sqlite.path=" + dir.resolve("web.db"), "config.lr=0.1",
                        "config.db_password=hunter2", "management.endpoints.web.exposure.include=ato")
                .run(context -> {
                    AtoEndpoint endpoint = context.getBean(AtoEndpoint.class);
                    var keys = endpoint.scopes(SecurityContext.NONE).scopes().get("config").keys();
                    assertThat(keys.get("lr").value()).isEqualTo("******");
                    assertThat(keys.get("lr").origin()).contains("external property");
                });
        new WebApplicationContextRunner().withConfiguration(ALL)
                .withPropertyValues("ato.sqlite.path=" + dir.resolve("web.db"))
                .run(context -> assertThat(context).doesNotHaveBean(AtoEndpoint.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTracker {

        @Bean(destroyMethod = "close")
        Tracker myTracker() {
            return Tracker.open("jdbc:sqlite:" + System.getProperty("java.io.tmpdir") + "/ato-own-tracker.db");
        }
    }
}
