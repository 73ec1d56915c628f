package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.hyperopt.AtoHyperBandAutoConfiguration;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.scope.AtoCommandLine;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.tracker.AtoTrackerAutoConfiguration;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * Ato's Spring Shell commands ({@code manual}, {@code print}, {@code why}, {@code runs …}, {@code help},
 * {@code version}, {@code hyperband …}, {@code tune …}), declared as {@code @Command} methods, the command registry built from every component's
 * declarations ({@link CommandCatalog}), the completion providers the declarations name, and the runner that
 * executes a command named on the application's command line once. Ordered before Spring Shell's own
 * auto-configuration, whose registry and runner step aside.
 */
@AutoConfiguration(after = {AtoScopeAutoConfiguration.class, AtoTrackerAutoConfiguration.class,
        AtoHyperBandAutoConfiguration.class},
        beforeName = {"org.springframework.shell.core.autoconfigure.SpringShellAutoConfiguration",
                "org.springframework.shell.core.autoconfigure.CommandRegistryAutoConfiguration",
                "org.springframework.shell.core.autoconfigure.ShellRunnerAutoConfiguration"})
@ConditionalOnClass(Command.class)
@ConditionalOnBooleanProperty(name = {"ato.enabled", "ato.shell.enabled"}, matchIfMissing = true)
@EnableConfigurationProperties(AtoProperties.class)
@Import({ScopeCommands.class, RunsCommands.class, HelpCommands.class})
public class AtoShellAutoConfiguration {

    /** Completion of view names ({@code manual}, {@code print}, and the sample's commands). */
    public static final String VIEW_COMPLETION = "atoViewCompletion";

    /** Completion of keys, then views ({@code why}). */
    public static final String KEY_COMPLETION = "atoKeyCompletion";

    /** Completion of run ids of {@code ato.project}, in numeric order. */
    public static final String RUN_ID_COMPLETION = "atoRunIdCompletion";

    /** Completion of command names ({@code help}). */
    public static final String COMMAND_COMPLETION = "atoCommandCompletion";

    @Bean
    @ConditionalOnMissingBean
    static CommandRegistry commandRegistry(ConfigurableListableBeanFactory beanFactory) {
        return CommandCatalog.create(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    AtoShellRunner atoShellRunner(ObjectProvider<CommandRegistry> registry, ObjectProvider<ShellRunner> shell,
                                  AtoScopes scopes, AtoCommandLine commandLine, AtoProperties properties,
                                  ConfigurableListableBeanFactory beanFactory) {
        return new AtoShellRunner(registry, shell, scopes, commandLine, properties, beanFactory);
    }

    @Bean
    Runs atoRuns(ObjectProvider<RunFinder> finder) {
        return new Runs(finder);
    }

    @Bean(VIEW_COMPLETION)
    CompletionProvider atoViewCompletion(AtoScopes scopes) {
        return Completions.viewNames(scopes);
    }

    @Bean(KEY_COMPLETION)
    CompletionProvider atoKeyCompletion(AtoScopes scopes) {
        return Completions.keysThenViews(scopes);
    }

    @Bean(RUN_ID_COMPLETION)
    CompletionProvider atoRunIdCompletion(Runs runs, AtoProperties properties) {
        return Completions.runIds(runs, properties.getProject());
    }

    @Bean(COMMAND_COMPLETION)
    CompletionProvider atoCommandCompletion(ObjectProvider<CommandRegistry> registry) {
        return Completions.commandNames(registry::getObject);
    }

    /** The {@code hyperband} commands, when the HyperBand service exists. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(HyperBandService.class)
    @Import({HyperBandCommands.class, TuneCommands.class})
    static class HyperBandCommandsConfiguration {
    }
}
