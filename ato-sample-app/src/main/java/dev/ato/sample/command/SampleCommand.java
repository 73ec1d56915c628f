package dev.ato.sample.command;

import dev.ato.AtoException;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/**
 * A command of the sample app (group {@code digits}). Bad input — an {@link AtoException} such as an unknown view,
 * a malformed literal, a learning rate ≤ 0 or a missing data file — is one line on standard error and a usage-error
 * status, which a one-shot run turns into exit code 2; no stack trace.
 */
abstract class SampleCommand extends AbstractCommand {

    private final PrintStream errors;

    SampleCommand(String name, String description, String help, PrintStream errors, CommandOption... options) {
        super(name, description, "digits", help, false);
        this.errors = errors;
        setOptions(List.of(options));
    }

    /** Does the command's work, printing to {@code out}. */
    abstract void run(Input input, PrintWriter out);

    @Override
    public ExitStatus doExecute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        try {
            run(new Input(context), out);
            out.flush();
            return ExitStatus.OK;
        } catch (AtoException e) {
            out.flush();
            errors.println("Error: " + e.getMessage());
            errors.flush();
            return ExitStatus.USAGE_ERROR;
        }
    }

    static CommandOption option(String name, String description) {
        return CommandOption.with().longName(name).description(description).type(String.class).build();
    }

    /** The words and options a command was given. */
    record Input(CommandContext context) {

        /** The positional words: views and {@code key=value} literals. */
        List<String> arguments() {
            return context.parsedInput().arguments().stream().map(CommandArgument::value).toList();
        }

        /** The option's value, or {@code null} when it was not given. */
        String option(String name) {
            return context.parsedInput().options().stream().filter(o -> name.equals(o.longName()))
                    .map(CommandOption::value).findFirst().orElse(null);
        }
    }
}
