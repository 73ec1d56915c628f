package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Suggestions;
import dev.ato.sanitize.Sanitizer;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one command line of Ato's registry with the one parsing, help and error style, whoever asks: the runner in
 * an application context (one-shot and interactive) and {@link ContextFreeCommands} before any context exists.
 */
final class CommandExecutor {

    private final Supplier<CommandRegistry> registry;
    private final AtoScopes scopes;
    private final Supplier<Sanitizer> sanitizer;
    private final Supplier<String> databaseUrl;

    CommandExecutor(Supplier<CommandRegistry> registry, AtoScopes scopes, Supplier<Sanitizer> sanitizer,
                    Supplier<String> databaseUrl) {
        this.registry = registry;
        this.scopes = scopes;
        this.sanitizer = sanitizer;
        this.databaseUrl = databaseUrl;
    }

    /**
     * Runs one command and returns the process exit code: 0, {@value CommandErrors#BAD_INPUT} for bad input,
     * {@value CommandErrors#FAILURE} for a failure. The output goes to {@code out}, an error (one block, with the
     * stack trace only when the words contain {@code --debug}) to {@code err}.
     */
    int execute(String word, List<String> args, PrintWriter out, PrintWriter err) {
        boolean debug = args.contains("--debug");
        List<String> rest = args.stream().filter(a -> !a.equals("--debug") && !isSpringProperty(a)).toList();
        try {
            int code = executeOrThrow(registry.get(), word, rest, out);
            out.flush();
            return code;
        } catch (Exception | LinkageError e) {
            out.flush();
            CommandErrors.Report report = CommandErrors.of(e, databaseUrl).sanitized(sanitizer.get());
            report.print(err, e, debug);
            return report.exitCode();
        }
    }

    /**
     * {@code --train.lr=0.05}, {@code --spring.profiles.active=wide}: a Spring property, which Spring's command-line
     * source has already applied wherever it stood, so the command does not take it for an option of its own
     * (a command's options have no dot in their names).
     */
    static boolean isSpringProperty(String arg) {
        if (!arg.startsWith("--")) {
            return false;
        }
        int end = arg.indexOf('=');
        return arg.substring(2, end < 0 ? arg.length() : end).indexOf('.') > 0;
    }

    private int executeOrThrow(CommandRegistry commands, String word, List<String> args, PrintWriter out)
            throws Exception {
        ParsedInput input = OneShotInput.parse(commands, word, args);
        if (input == null) {
            throw HelpCommands.UnknownCommand.of(commands, scopes, word);
        }
        String name = input.subCommands().isEmpty() ? input.commandName()
                : input.commandName() + " " + String.join(" ", input.subCommands());
        boolean help = input.options().stream().anyMatch(o -> "help".equals(o.longName()));
        Command command = commands.getCommandByName(name);
        if (command == null) {
            String group = commands.getCommandsByPrefix(name + " ").stream().map(Command::getName).sorted()
                    .collect(Collectors.joining(", "));
            if (help) {
                out.println("'" + name + "' commands: " + group + "\nRun 'help " + name + " …' for one of them.");
                return 0;
            }
            String next = input.arguments().isEmpty() ? null : input.arguments().get(0).value();
            throw new AtoConfigException((next == null ? "'" + name + "' needs a sub-command"
                    : "'" + name + " " + next + "' is not a command"
                    + Suggestions.didYouMean(name + " " + next, commands.getCommandsByPrefix(name + " ").stream()
                            .map(Command::getName).toList())) + "; " + name + " commands: " + group);
        }
        if (help) {
            out.println(Usage.of(command));
            return 0;
        }
        checkOptions(command, input);
        ExitStatus status = command.execute(new CommandContext(input, commands, out, new InputReader() { }));
        return status.code() == 0 ? 0 : status.equals(ExitStatus.USAGE_ERROR) ? CommandErrors.BAD_INPUT
                : CommandErrors.FAILURE;
    }

    /** An option the command does not declare is bad input, named with the options it has. */
    private static void checkOptions(Command command, ParsedInput input) {
        Set<String> declared = new TreeSet<>();
        command.getOptions().forEach(o -> declared.add(o.longName()));
        for (CommandOption given : input.options()) {
            if (given.longName() != null && !declared.contains(given.longName())) {
                List<String> flags = declared.stream().map(d -> "--" + d).toList();
                throw new AtoConfigException("'" + command.getName() + "' has no option --" + given.longName()
                        + Suggestions.didYouMean("--" + given.longName(), flags) + "; options: "
                        + (flags.isEmpty() ? "none" : String.join(", ", flags)) + " ('" + command.getName()
                        + " --help' explains them)");
            }
        }
    }

}
