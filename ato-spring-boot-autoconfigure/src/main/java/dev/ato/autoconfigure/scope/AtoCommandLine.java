package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The application's command line split into Spring's options, Ato input and an optional command.
 *
 * <p>The rule: arguments starting with {@code -} before the first word are Spring's ({@code --server.port=0}).
 * The first other word is a <em>command</em> unless it is a {@code key=value} literal or the name of a view (plain
 * or scope-prefixed); a command takes every argument after it. Without a command, every word that does not start
 * with {@code -} is Ato input, in order; {@code --help} or {@code -h} without a command is the command
 * {@code help}. So views win over commands: a view may not share a command's name (the
 * Shell runner refuses to start when one does).
 *
 * @param atoInput view names and literals for the application's scopes (empty when a command is given)
 * @param command the command word, or {@code null}
 * @param commandArgs the arguments after the command word
 */
public record AtoCommandLine(List<String> atoInput, @Nullable String command, List<String> commandArgs) {

    /** The command that {@code --help} or {@code -h} without a command runs. */
    public static final String HELP = "help";

    public AtoCommandLine {
        atoInput = List.copyOf(atoInput);
        commandArgs = List.copyOf(commandArgs);
    }

    /** Splits {@code args} ({@code ApplicationArguments.getSourceArgs()}); {@code isView} recognises view names. */
    public static AtoCommandLine parse(String[] args, @Nullable Predicate<String> isView) {
        AtoCommandLine parsed = split(args, isView);
        return !parsed.hasCommand() && Arrays.stream(args).anyMatch(AtoCommandLine::isHelp)
                ? new AtoCommandLine(List.of(), HELP, List.of()) : parsed;
    }

    /** Whether {@code arg} asks for help ({@code --help} or {@code -h}). */
    public static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static AtoCommandLine split(String[] args, Predicate<String> isView) {
        int first = 0;
        while (first < args.length && args[first].startsWith("-")) {
            first++;
        }
        if (first == args.length) {
            return new AtoCommandLine(List.of(), null, List.of());
        }
        String word = args[first];
        if (isLiteral(word) || isView.test(word)) {
            List<String> input = new ArrayList<>();
            Arrays.stream(args, first, args.length).filter(a -> !a.startsWith("-")).forEach(input::add);
            return new AtoCommandLine(input, null, List.of());
        }
        return new AtoCommandLine(List.of(), word, Arrays.asList(args).subList(first + 1, args.length));
    }

    /** The first word of {@code args} that is not an option, or {@code null}. */
    public static @Nullable String firstWord(String[] args) {
        return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    }

    private static boolean isLiteral(String word) {
        return word.indexOf('=') > 0;
    }

    public boolean hasCommand() {
        return command != null;
    }
}
