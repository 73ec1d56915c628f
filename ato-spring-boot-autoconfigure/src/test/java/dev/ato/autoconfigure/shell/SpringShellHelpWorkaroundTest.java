package dev.ato.autoconfigure.shell;

import org.junit.jupiter.api.Test;
import org.springframework.shell.core.InputReader;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.Help;
import org.springframework.shell.core.command.ParsedInput;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why Ato declares its own {@code help} (docs/decisions.md, "CLI"): Spring Shell 4.0.1's {@link Help} throws a
 * NullPointerException on any option whose {@code required} flag was never set, which every option built with
 * {@code CommandOption.with()} has ({@code help runs best} crashed). When this test fails, Spring Shell has fixed
 * the bug: drop this reason from the decision (Ato's help stays for views, arguments and examples).
 */
class SpringShellHelpWorkaroundTest {

    private static final Command COMMAND = Command.builder().name("demo").description("a demo")
            .options(CommandOption.with().longName("metric").description("the metric").type(String.class).build())
            .execute((Function<CommandContext, String>) context -> "ran");

    private static CommandContext helpFor(String name, CommandRegistry registry, StringWriter out) {
        ParsedInput input = ParsedInput.builder().commandName("help").addArgument(new CommandArgument(0, name))
                .build();
        return new CommandContext(input, registry, new PrintWriter(out), new InputReader() { });
    }

    @Test
    void springShellsHelpStillFailsOnAnOptionWithoutARequiredFlag() {
        CommandRegistry registry = new CommandRegistry();
        registry.registerCommand(COMMAND);
        assertThatThrownBy(() -> new Help().execute(helpFor("demo", registry, new StringWriter())))
                .as("Spring Shell's Help no longer fails: see this class's Javadoc")
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void atosHelpExplainsTheSameCommand() {
        assertThat(Usage.of(COMMAND)).contains("Usage: demo [--metric METRIC]", "--metric METRIC", "the metric",
                "--help, -h");
    }
}
