package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Scope;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The help text, rendered from the commands' declarations: the overview ({@code help}, {@code --help}) lists the
 * application's commands by group and the views of every scope; a command's help has its usage line, every option
 * with its default, its arguments and the declaration's text with an example. Spring Shell's built-ins are left out.
 */
final class Usage {

    private static final String HELP_FLAG = "--help, -h";

    private Usage() {
    }

    static String overview(CommandRegistry registry, AtoScopes scopes) {
        StringBuilder out = new StringBuilder("""
                Usage: java -jar APP.jar [VIEW|KEY=VALUE ...]   run the application with views and literals
                       java -jar APP.jar COMMAND [ARGS ...]     run one command and exit

                """);
        Map<String, List<Command>> groups = new TreeMap<>();
        registry.getCommands().stream().filter(CommandCatalog::isOwn).sorted(Comparator.comparing(Command::getName))
                .forEach(c -> groups.computeIfAbsent(c.getGroup(), g -> new ArrayList<>()).add(c));
        int width = registry.getCommands().stream().filter(CommandCatalog::isOwn)
                .mapToInt(c -> c.getName().length()).max().orElse(0);
        groups.forEach((group, commands) -> {
            out.append(group).append(" commands:\n");
            commands.forEach(c -> out.append("  ").append(pad(c.getName(), width)).append("  ")
                    .append(c.getDescription()).append('\n'));
            out.append('\n');
        });
        out.append("Views ('manual' shows their order and the keys):\n");
        for (Scope scope : scopes.scopes()) {
            out.append("  ").append(scope.name()).append(": ")
                    .append(scope.views().isEmpty() ? "(none)" : String.join(", ", scope.views().keySet()))
                    .append('\n');
        }
        out.append("\nRun 'help COMMAND' or 'COMMAND --help' for a command's options.");
        return out.toString();
    }

    static String of(Command command) {
        StringBuilder out = new StringBuilder(command.getName()).append(" - ").append(command.getDescription())
                .append("\n\nUsage: ").append(command.getName());
        for (CommandOption option : command.getOptions()) {
            out.append(" [").append(flag(option)).append(']');
        }
        List<MethodCommand.Positional> positionals = command instanceof MethodCommand m ? m.positionals() : List.of();
        for (MethodCommand.Positional p : positionals) {
            String name = placeholder(p.name());
            out.append(' ').append(p.many() ? "[" + name + " ...]" : p.optional() ? "[" + name + "]" : name);
        }
        List<MethodCommand.Positional> described = positionals.stream().filter(p -> !p.description().isEmpty())
                .toList();
        if (!described.isEmpty()) {
            out.append("\n\nArguments:\n");
            int width = described.stream().mapToInt(p -> placeholder(p.name()).length()).max().orElse(0);
            described.forEach(p -> out.append("  ").append(pad(placeholder(p.name()), width)).append("  ")
                    .append(p.description()).append('\n'));
        } else {
            out.append("\n");
        }
        out.append("\n").append("Options:\n");
        int width = Math.max(HELP_FLAG.length(), command.getOptions().stream().mapToInt(o -> flag(o).length()).max()
                .orElse(0));
        for (CommandOption option : command.getOptions()) {
            String defaultValue = option.defaultValue() == null || option.defaultValue().isEmpty() ? ""
                    : " (default: " + option.defaultValue() + ")";
            out.append("  ").append(pad(flag(option), width)).append("  ").append(option.description())
                    .append(defaultValue).append('\n');
        }
        out.append("  ").append(pad(HELP_FLAG, width)).append("  this help\n");
        if (command.getHelp() != null && !command.getHelp().isBlank()) {
            out.append('\n').append(command.getHelp().strip()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String flag(CommandOption option) {
        String name = "--" + option.longName();
        if (option.type() == boolean.class || option.type() == Boolean.class) {
            return name;
        }
        return name + " " + placeholder(option.longName());
    }

    /** {@code trace-type} and {@code viewOrLiteral} become {@code TRACE_TYPE} and {@code VIEW_OR_LITERAL}. */
    private static String placeholder(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** Command names for messages, Spring Shell's built-ins left out. */
    static String names(CommandRegistry registry) {
        return registry.getCommands().stream().filter(CommandCatalog::isOwn).map(Command::getName).sorted()
                .collect(Collectors.joining(", "));
    }
}
