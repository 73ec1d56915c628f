package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.io.PrintWriter;
import java.util.List;

/**
 * One of Ato's Shell commands (group {@code ato}): it returns its output as text, and an Ato error (unknown run,
 * bad literal) becomes one line on the output and a usage-error exit status instead of a stack trace.
 */
abstract class AtoCommand extends AbstractCommand {

    AtoCommand(String name, String description, String help, CommandOption... options) {
        super(name, description, "ato", help, false);
        setOptions(List.of(options));
    }

    AtoCommand completing(CompletionProvider completion) {
        setCompletionProvider(completion);
        return this;
    }

    /** The command's output. */
    abstract String run(Input input);

    @Override
    public ExitStatus doExecute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        try {
            out.print(run(new Input(context)));
            out.flush();
            return ExitStatus.OK;
        } catch (AtoException e) {
            out.println("Error: " + e.getMessage());
            out.flush();
            return ExitStatus.USAGE_ERROR;
        }
    }

    static CommandOption option(String name, String description, String defaultValue) {
        return CommandOption.with().longName(name).description(description).defaultValue(defaultValue)
                .type(String.class).build();
    }

    /** The words and options a command was given. */
    record Input(CommandContext context) {

        List<String> arguments() {
            return context.parsedInput().arguments().stream().map(CommandArgument::value).toList();
        }

        String argument(int index, String what) {
            List<String> arguments = arguments();
            if (index >= arguments.size()) {
                throw new AtoConfigException("missing " + what + " (argument " + (index + 1) + ")");
            }
            return arguments.get(index);
        }

        /** The option's value, its default, or {@code null}. */
        String option(String name) {
            for (CommandOption given : context.parsedInput().options()) {
                if (name.equals(given.longName()) && given.value() != null) {
                    return given.value();
                }
            }
            Command command = context.commandRegistry().getCommandByName(commandName());
            for (CommandOption declared : command == null ? List.<CommandOption>of() : command.getOptions()) {
                if (name.equals(declared.longName())) {
                    return declared.defaultValue();
                }
            }
            return null;
        }

        private String commandName() {
            var parsed = context.parsedInput();
            return parsed.subCommands().isEmpty() ? parsed.commandName()
                    : parsed.commandName() + " " + String.join(" ", parsed.subCommands());
        }
    }
}
