package dev.ato;

/** A write to a frozen {@code ADict}; the message names the path that was written. */
public class AtoFrozenException extends AtoException {

    private static final long serialVersionUID = 1L;

    public AtoFrozenException(String message) {
        super(message);
    }
}
