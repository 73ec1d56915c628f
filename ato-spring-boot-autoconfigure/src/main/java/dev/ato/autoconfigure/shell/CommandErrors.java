package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import dev.ato.AtoKeyException;
import dev.ato.autoconfigure.scope.InvalidAtoInputException;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.DatabaseTrouble;
import org.springframework.core.convert.ConversionException;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Supplier;

/**
 * The one error style of the command line: one {@code Error:} block on standard error, no stack trace unless
 * {@code --debug}, and exit code {@value #BAD_INPUT} for bad input or {@value #FAILURE} for a failure. One-shot,
 * interactive and start-up errors all come through here.
 */
final class CommandErrors {

    /** Exit code of bad input: an unknown word, a malformed literal, an unknown key, run, project or metric. */
    static final int BAD_INPUT = InvalidAtoInputException.EXIT_CODE;

    /** Exit code of a failure: the database, a file, a bug. */
    static final int FAILURE = 1;

    /** An error as the user sees it. */
    record Report(int exitCode, String text) {

        /** The report with the values its text quotes passed through the one sanitizer (a URL's password too). */
        Report sanitized(@Nullable Sanitizer sanitizer) {
            return new Report(exitCode, sanitizer.text(text));
        }

        /** Prints the block (and with {@code debug} the stack trace) to {@code err}. */
        void print(PrintWriter err, @Nullable Throwable failure, boolean debug) {
            err.println(text);
            if (debug && failure != null) {
                failure.printStackTrace(err);
            }
            err.flush();
        }
    }

    private CommandErrors() {
    }

    /** The report for {@code failure}; {@code databaseUrl} names the tracker database when the database failed. */
    static Report of(Throwable failure, @Nullable Supplier<String> databaseUrl) {
        Throwable cause = unwrap(failure);
        DatabaseTrouble trouble = DatabaseTrouble.of(cause).orElse(null);
        if (trouble != null) {
            return new Report(FAILURE, "Error: " + DatabaseProblem.explain(trouble, url(databaseUrl)));
        }
        AtoException ato = find(cause, AtoException.class);
        if (ato != null) {
            boolean badInput = ato instanceof AtoConfigException || ato instanceof AtoKeyException;
            return new Report(badInput ? BAD_INPUT : FAILURE, "Error: " + ato.getMessage());
        }
        ConversionException conversion = find(cause, ConversionException.class);
        if (conversion != null) {
            Throwable root = conversion.getMostSpecificCause();
            return new Report(BAD_INPUT, "Error: bad option value: " + (root.getMessage() != null ? root.getMessage()
                    : conversion.getMessage()));
        }
        if (cause instanceof IllegalArgumentException) {
            return new Report(BAD_INPUT, "Error: " + cause.getMessage());
        }
        return new Report(FAILURE, "Error: " + cause + "\n  (run again with --debug for the stack trace)");
    }

    private static @Nullable String url(Supplier<String> databaseUrl) {
        try {
            return databaseUrl.get();
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** Removes the reflection and Spring Shell wrappers around what the command threw. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof InvocationTargetException || t.getClass().getName().startsWith(
                "org.springframework.shell.core.command.CommandExecution")) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
