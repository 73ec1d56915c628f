package dev.ato.adict;

/** What {@link ADict#composeHierarchy} does when a config file it looks for does not exist (Python ato's {@code on_missing}). */
public enum OnMissing {
    /** Throw an {@link dev.ato.AtoConfigException} naming the missing file. */
    ERROR,
    /** Log a warning ({@code missing: group/option}) and go on. */
    WARN,
    /** Go on silently. */
    IGNORE
}
