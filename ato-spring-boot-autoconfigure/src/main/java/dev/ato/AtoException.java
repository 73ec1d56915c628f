package dev.ato;

/**
 * Base of every error Ato throws. Unchecked: a bad config is a bug in the caller's input, not a condition to
 * recover from. Each message says what was wrong, where, and what would be right.
 */
public class AtoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AtoException(String message) {
        super(message);
    }

    public AtoException(String message, Throwable cause) {
        super(message, cause);
    }
}
