package dev.ato.scope;

/** Why a view was applied in a resolution. */
public enum ViewKind {
    /** Registered with {@code defaultView = true}. */
    DEFAULT,
    /** Named on the command line. */
    REQUESTED,
    /** Pulled in by another applied view's {@code chainWith}. */
    CHAINED
}
