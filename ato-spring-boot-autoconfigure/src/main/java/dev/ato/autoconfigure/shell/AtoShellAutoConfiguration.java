package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.hyperopt.AtoHyperBandAutoConfiguration;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.hyperopt.HyperBandTrial;
import dev.ato.autoconfigure.scope.AtoCommandLine;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.tracker.AtoTrackerAutoConfiguration;
import dev.ato.autoconfigure.tracker.TrackerSchemaMigration;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Ato's Spring Shell commands ({@code manual}, {@code print}, {@code why}, {@code runs …}) as {@link Command} beans,
 * and the runner that executes a command named on the application's command line once. Ordered before Spring
 * Shell's own auto-configuration, whose runner steps aside for any other {@code ApplicationRunner}.
 */
@AutoConfiguration(after = {AtoScopeAutoConfiguration.class, AtoTrackerAutoConfiguration.class,
        AtoHyperBandAutoConfiguration.class},
        beforeName = "org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration")
@ConditionalOnClass(Command.class)
@ConditionalOnBooleanProperty(name = {"ato.enabled", "ato.shell.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoShellAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AtoShellRunner atoShellRunner(ObjectProvider<CommandRegistry> registry, ObjectProvider<ShellRunner> shell,
                                  AtoScopes scopes, AtoCommandLine commandLine, AtoProperties properties) {
        return new AtoShellRunner(registry, shell, scopes, commandLine, properties.getShell().isInteractive());
    }

    @Bean
    Command atoManualCommand(AtoScopes scopes) {
        return new ManualCommand(scopes).completing(Completions.viewNames(scopes));
    }

    @Bean
    Command atoPrintCommand(AtoScopes scopes) {
        return new PrintCommand(scopes).completing(Completions.viewNames(scopes));
    }

    @Bean
    Command atoWhyCommand(AtoScopes scopes) {
        return new WhyCommand(scopes).completing(Completions.viewNames(scopes));
    }

    @Bean
    Runs atoRuns(ObjectProvider<RunFinder> finder) {
        return new Runs(finder);
    }

    @Bean
    Command atoRunsListCommand(Runs runs, AtoProperties properties) {
        return new RunsListCommand(runs, properties.getProject());
    }

    @Bean
    Command atoRunsShowCommand(Runs runs, AtoProperties properties) {
        return new RunsShowCommand(runs).completing(Completions.runIds(runs, properties.getProject()));
    }

    @Bean
    Command atoRunsBestCommand(Runs runs, AtoProperties properties) {
        return new RunsBestCommand(runs, properties.getProject());
    }

    @Bean
    Command atoRunsSimilarCommand(Runs runs, AtoProperties properties) {
        return new RunsSimilarCommand(runs).completing(Completions.runIds(runs, properties.getProject()));
    }

    @Bean
    Command atoRunsDiffCommand(Runs runs, AtoProperties properties) {
        return new RunsDiffCommand(runs).completing(Completions.runIds(runs, properties.getProject()));
    }

    /** The {@code hyperband} commands, when the HyperBand service exists. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(HyperBandService.class)
    static class HyperBandCommandsConfiguration {

        @Bean
        Command atoHyperBandStartCommand(HyperBandService service) {
            return HyperBandCommands.startCommand(service);
        }

        @Bean
        Command atoHyperBandRunCommand(HyperBandService service, ObjectProvider<HyperBandTrial> trial) {
            return HyperBandCommands.runCommand(service, trial);
        }

        @Bean
        Command atoHyperBandJoinCommand(HyperBandService service, ObjectProvider<HyperBandTrial> trial) {
            return HyperBandCommands.joinCommand(service, trial);
        }

        @Bean
        Command atoHyperBandListCommand(HyperBandService service, AtoProperties properties) {
            return HyperBandCommands.listCommand(service, properties.getProject());
        }
    }
}
