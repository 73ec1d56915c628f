package dev.ato.scope;

/** The steps of resolution, in the order they apply (design §4). */
public enum LayerKind {
    /** The scope's base config. */
    BASE,
    /** A non-lazy view (default, requested or chained). */
    VIEW,
    /** Properties from outside the command line, such as Spring's Environment. */
    EXTERNAL,
    /** The {@code key=value} literals of the command line. */
    CLI,
    /** The blocks a view deferred with {@link ViewContext#defer}. */
    DEFERRED,
    /** A lazy view. */
    LAZY_VIEW
}
