package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import dev.ato.sanitize.Sanitizer;
import org.springframework.boot.ExitCodeGenerator;

/**
 * Bad Ato input on the application's command line (a malformed literal, an unknown view): the application stops
 * before any bean is created and the process exits with code {@value #EXIT_CODE}, the usual code for a usage error.
 */
public class InvalidAtoInputException extends AtoConfigException implements ExitCodeGenerator {

    private static final long serialVersionUID = 1L;

    /** The exit code of a usage error. */
    public static final int EXIT_CODE = 2;

    /**
     * {@code cause} as bad command-line input, its message passed through {@code sanitizer}: the message quotes the
     * input, and Spring logs it when the context stops (a literal {@code db.password=[x,} must not reach a log in
     * clear). The cause itself is not kept, since its message is the unmasked one; its stack trace is.
     */
    InvalidAtoInputException(AtoConfigException cause, Sanitizer sanitizer) {
        super(sanitizer.text(cause.getMessage()));
        setStackTrace(cause.getStackTrace());
    }

    /** Bad input described by {@code message} (what was wrong, where, and what would be right). */
    public InvalidAtoInputException(String message) {
        super(message);
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }
}
