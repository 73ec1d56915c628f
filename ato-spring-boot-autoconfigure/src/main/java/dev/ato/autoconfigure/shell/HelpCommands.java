package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.AtoApplication;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Suggestions;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.util.ClassUtils;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code help} and {@code version}, declared like every other command. Ato's {@code help} replaces Spring Shell's,
 * which fails on options without a {@code required} flag and leaves arguments out (see docs/decisions.md).
 */
class HelpCommands {

    private final AtoScopes scopes;
    private final ListableBeanFactory beans;

    HelpCommands(AtoScopes scopes, ListableBeanFactory beans) {
        this.scopes = scopes;
        this.beans = beans;
    }

    @Command(name = "help", group = ScopeCommands.GROUP, description = "List the commands and views, or explain one",
            completionProvider = AtoShellAutoConfiguration.COMMAND_COMPLETION,
            help = "Example: help runs best")
    String help(@Arguments List<String> command, CommandContext context) {
        return help(context.commandRegistry(), scopes, ScopeCommands.words(command));
    }

    @Command(name = "version", group = ScopeCommands.GROUP, description = "Show the application's and Ato's versions")
    String version() {
        String[] applications = beans.getBeanNamesForAnnotation(SpringBootConfiguration.class);
        Class<?> application = applications.length == 0 ? null : beans.getType(applications[0]);
        String name = application == null ? "application" : ClassUtils.getUserClass(application).getSimpleName();
        return name + ": " + version(application) + "\nato: " + version(AtoApplication.class)
                + "\nspring boot: " + SpringBootVersion.getVersion() + "\njava: " + Runtime.version();
    }

    static String help(CommandRegistry registry, AtoScopes scopes, List<String> words) {
        if (words.isEmpty()) {
            return Usage.overview(registry, scopes);
        }
        String name = String.join(" ", words);
        org.springframework.shell.core.command.Command command = registry.getCommandByName(name);
        if (command == null || !CommandCatalog.isOwn(command)) {
            throw UnknownCommand.of(registry, scopes, name);
        }
        return Usage.of(command);
    }

    private static String version(@Nullable Class<?> type) {
        Class<?> user = type == null ? null : ClassUtils.getUserClass(type);
        String version = user == null || user.getPackage() == null ? null
                : user.getPackage().getImplementationVersion();
        return version == null ? "(unknown: not run from a packaged jar)" : version;
    }

    /** The error for a word that names no command. */
    static final class UnknownCommand {

        private UnknownCommand() {
        }

        static AtoConfigException of(CommandRegistry registry, AtoScopes scopes, String word) {
            Set<String> candidates = new TreeSet<>();
            registry.getCommands().stream().filter(CommandCatalog::isOwn).forEach(c -> candidates.add(c.getName()));
            Set<String> commandWords = new TreeSet<>();
            candidates.forEach(c -> commandWords.add(c.split(" ")[0]));
            Set<String> all = new TreeSet<>(candidates);
            all.addAll(commandWords);
            all.addAll(scopes.viewNames());
            return new AtoConfigException("'" + word + "' is neither a command nor a view"
                    + Suggestions.didYouMean(word, all) + "\n  commands: " + String.join(", ", candidates)
                    + "\n  views: " + Suggestions.list(scopes.viewNames())
                    + "\n  'help' explains the commands, 'manual' the views");
        }
    }
}
