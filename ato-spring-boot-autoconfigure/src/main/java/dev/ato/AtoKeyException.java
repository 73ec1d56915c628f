package dev.ato;

/** A key path was read that does not exist; the message names the missing segment and what exists there. */
public class AtoKeyException extends AtoException {

    private static final long serialVersionUID = 1L;

    public AtoKeyException(String message) {
        super(message);
    }
}
