package dev.ato.cli;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command-line grammar of Ato: splits a command line into tokens exactly as Python ato does, parses
 * {@code key=value} literals with a safe parser (never an evaluator), and classifies program arguments into view
 * names and assignments. The grammar is described in {@code docs/cli.md}.
 */
public final class CliParser {

    private CliParser() {
    }

    /**
     * Splits {@code commandLine} into tokens exactly like Python ato: at whitespace, except inside brackets and
     * {@code %...%} strings; a bracketed or {@code %...%} value ends its token where it closes.
     */
    public static List<String> tokenize(String commandLine) {
        return List.copyOf(Tokenizer.tokenize(Objects.requireNonNull(commandLine, "commandLine")));
    }

    /**
     * Parses one Python-style literal into the ADict value model: {@code String}, {@code Boolean},
     * {@code Integer}/{@code Long}, {@code Double}, {@code List}, {@code ADict} (for dicts) or {@code null}.
     * Text that is not a literal ({@code resnet50}, {@code y=1}) is returned as a string.
     *
     * @throws AtoConfigException for malformed input, quoting the literal with a caret at the position and a hint
     */
    public static @Nullable Object parseValue(String literal) {
        return LiteralParser.parse("literal", Objects.requireNonNull(literal, "literal"), 0);
    }

    /**
     * Classifies program arguments into view names and {@code key=value} assignments. The arguments are joined
     * with single spaces and tokenized, exactly as Python ato treats {@code sys.argv[1:]}, so a value the shell
     * split ({@code x=%a} {@code b%}) is one token again; each {@link CliArgument#index()} is the token's
     * position. Every literal is parsed before this returns, so nothing is applied when any is malformed.
     *
     * @throws AtoConfigException naming every malformed token, each with a caret at the position and a hint
     */
    public static List<CliArgument> parseArguments(List<String> args) {
        List<String> tokens = Tokenizer.tokenize(String.join(" ", args));
        List<CliArgument> arguments = new ArrayList<>(tokens.size());
        List<String> problems = new ArrayList<>();
        AtoConfigException only = null;
        for (int index = 0; index < tokens.size(); index++) {
            try {
                arguments.add(classify(tokens.get(index), index));
            } catch (AtoConfigException e) {
                problems.add(e.getMessage());
                only = e;
            }
        }
        if (problems.size() == 1) {
            throw only; // as thrown: an AtoLimitException keeps its type
        }
        if (!problems.isEmpty()) {
            throw new AtoConfigException(problems.size() + " malformed command-line tokens (nothing was applied):\n"
                    + String.join("\n", problems));
        }
        return List.copyOf(arguments);
    }

    private static CliArgument classify(String token, int index) {
        int sign = Tokenizer.assignmentSign(token);
        if (sign < 0) {
            return new CliArgument.ViewName(token, index);
        }
        String where = "command-line token #" + index;
        String key = AssignmentKey.check(where, token, sign);
        return new CliArgument.Assignment(key, LiteralParser.parse(where, token, sign + 1),
                token.substring(sign + 1), index);
    }
}
