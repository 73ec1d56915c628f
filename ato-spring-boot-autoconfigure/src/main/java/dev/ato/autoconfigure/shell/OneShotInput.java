package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

import java.util.List;

/**
 * Turns the words of a command line into Spring Shell's parsed input, word by word, so that a value with spaces
 * stays one argument (Spring Shell's own runner joins and re-splits them).
 *
 * <p>Words after the command word that name a sub-command extend it ({@code runs best}); {@code --name=value} and
 * {@code --name value} are options, except that an option the command declares as {@code boolean} is a flag
 * ({@code --worker}, or {@code --worker=false}); {@code --help} / {@code -h} ask for help; everything else is an
 * argument.
 */
final class OneShotInput {

    private OneShotInput() {
    }

    /** The parsed input, or {@code null} when {@code word} names no command and no group of commands. */
    static @Nullable ParsedInput parse(CommandRegistry registry, String word, List<String> rest) {
        String name = word;
        int i = 0;
        ParsedInput.Builder input = ParsedInput.builder().commandName(word);
        while (i < rest.size() && registry.getCommandByName(name + " " + rest.get(i)) != null) {
            name = name + " " + rest.get(i);
            input.addSubCommand(rest.get(i++));
        }
        Command command = registry.getCommandByName(name);
        if (command == null && !isGroup(registry, name)) {
            return null;
        }
        int index = 0;
        for (; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                input.addOption(CommandOption.with().shortName('h').longName("help").value("true").build());
            } else if (arg.startsWith("--") && arg.contains("=")) {
                int eq = arg.indexOf('=');
                input.addOption(CommandOption.with().longName(arg.substring(2, eq)).value(arg.substring(eq + 1)).build());
            } else if (arg.startsWith("--") && !isFlag(command, arg.substring(2)) && i + 1 < rest.size()
                    && !rest.get(i + 1).startsWith("--")) {
                input.addOption(CommandOption.with().longName(arg.substring(2)).value(rest.get(++i)).build());
            } else if (arg.startsWith("--")) {
                input.addOption(CommandOption.with().longName(arg.substring(2)).value("true").build());
            } else {
                input.addArgument(new CommandArgument(index++, arg));
            }
        }
        return input.build();
    }

    /** Whether {@code name} is the first word of commands ({@code runs}) without being a command itself. */
    static boolean isGroup(CommandRegistry registry, String name) {
        return !registry.getCommandsByPrefix(name + " ").isEmpty();
    }

    private static boolean isFlag(@Nullable Command command, String option) {
        CommandOption declared = command == null ? null : CommandCatalog.declaredOption(command, option);
        return declared != null && (declared.type() == boolean.class || declared.type() == Boolean.class);
    }
}
