package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoCommandLine;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.scope.InvalidAtoInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;

import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs the command the application's command line names, once, and reports its exit code (it replaces Spring
 * Shell's runner). Which word is the command follows {@link AtoCommandLine}; without one, the application runs as
 * usual, or Spring Shell's interactive shell starts when {@code ato.shell.interactive=true}.
 */
public final class AtoShellRunner implements ApplicationRunner, ExitCodeGenerator {

    private final ObjectProvider<CommandRegistry> registry;
    private final ObjectProvider<ShellRunner> interactiveShell;
    private final AtoScopes scopes;
    private final AtoCommandLine commandLine;
    private final boolean interactive;
    private volatile int exitCode;
    private volatile boolean ranCommand;

    AtoShellRunner(ObjectProvider<CommandRegistry> registry, ObjectProvider<ShellRunner> interactiveShell,
                   AtoScopes scopes, AtoCommandLine commandLine, boolean interactive) {
        this.registry = registry;
        this.interactiveShell = interactiveShell;
        this.scopes = scopes;
        this.commandLine = commandLine;
        this.interactive = interactive;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        CommandRegistry commands = registry.getObject();
        checkNoViewIsNamedLikeACommand(commands);
        if (commandLine.hasCommand()) {
            exitCode = execute(commands, commandLine.command(), commandLine.commandArgs(),
                    new PrintWriter(System.out, true));
            ranCommand = true;
        } else if (interactive) {
            interactiveShell.getObject().run(args.getSourceArgs());
        }
    }

    /** Runs one command and returns the process exit code: 0, 1 for a failure, 2 for a usage error. */
    public static int execute(CommandRegistry commands, String word, List<String> args, PrintWriter out) throws Exception {
        ParsedInput input = OneShotInput.parse(commands, word, args);
        if (input == null) {
            throw new InvalidAtoInputException("'" + word + "' is neither a command nor a view; commands: "
                    + commandNames(commands) + "; run 'help' for what they do, 'manual' for the views");
        }
        ExitStatus status = new CommandExecutor(commands).execute(
                new CommandContext(input, commands, out, new InputReader() { }));
        out.flush();
        return status.code() == 0 ? 0 : status.equals(ExitStatus.USAGE_ERROR) ? InvalidAtoInputException.EXIT_CODE : 1;
    }

    private void checkNoViewIsNamedLikeACommand(CommandRegistry commands) {
        for (Command command : commands.getCommands()) {
            String word = command.getName().split(" ")[0];
            if (scopes.isView(word)) {
                throw new AtoConfigException("the view '" + word + "' has the name of the Shell command '"
                        + command.getName() + "', so the command could never be run from the command line (a first"
                        + " word that names a view is Ato input); rename the view");
            }
        }
    }

    private static String commandNames(CommandRegistry commands) {
        TreeSet<String> names = new TreeSet<>();
        commands.getCommands().forEach(c -> names.add(c.getName()));
        return String.join(", ", names);
    }

    /** Whether the command line named a command, which has run: the application's work is done. */
    public boolean ranCommand() {
        return ranCommand;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
