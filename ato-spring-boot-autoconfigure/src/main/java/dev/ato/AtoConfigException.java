package dev.ato;

/**
 * Bad input: a malformed literal, a broken or missing file, a failed composition, an invalid search space.
 * The message names the file and line, the key path or the position in a literal.
 */
public class AtoConfigException extends AtoException {

    private static final long serialVersionUID = 1L;

    public AtoConfigException(String message) {
        super(message);
    }

    public AtoConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
