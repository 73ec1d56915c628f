package dev.ato.adict;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;

import java.util.Objects;

/**
 * The limits every loader applies to its input (command line, {@code .py} literals, XYZ, YAML, JSON, TOML,
 * {@code _base_} chains, Hydra), so that hostile or careless input fails with an {@link AtoLimitException} in
 * bounded time and memory instead of a {@link StackOverflowError}, an out-of-memory error or minutes of work. The
 * defaults are far above what any real config needs; each has a property ({@code ato.limits.*}) to raise it.
 *
 * <p>Loaders that are not given limits use {@link #current()}, which is {@link #defaults()} until
 * {@link #install(Limits)} replaces it (the Spring Boot starter installs the values of {@code ato.limits.*} at
 * start-up).
 *
 * @param maxDepth        the deepest nesting of lists and mappings a loaded value may have
 * @param maxDocumentSize the largest document, in bytes for a file and in characters for a text
 * @param maxNumberDigits the most digits one number may have
 * @param maxExpansion    the most values one load may produce by expansion: YAML aliases, repeated lists in
 *                        {@code .py} files, {@code _base_} files and Hydra defaults merged
 * @param maxStringLength the longest string one load may build, by interpolation or concatenation
 */
public record Limits(int maxDepth, long maxDocumentSize, int maxNumberDigits, long maxExpansion, long maxStringLength) {

    /** Property of {@link #maxDepth()}. */
    public static final String MAX_DEPTH = "ato.limits.max-depth";
    /** Property of {@link #maxDocumentSize()}. */
    public static final String MAX_DOCUMENT_SIZE = "ato.limits.max-document-size";
    /** Property of {@link #maxNumberDigits()}. */
    public static final String MAX_NUMBER_DIGITS = "ato.limits.max-number-digits";
    /** Property of {@link #maxExpansion()}. */
    public static final String MAX_EXPANSION = "ato.limits.max-expansion";
    /** Property of {@link #maxStringLength()}. */
    public static final String MAX_STRING_LENGTH = "ato.limits.max-string-length";

    /**
     * The deepest {@link #maxDepth()} that every recursive walk (the command-line and {@code .py} literal parsers,
     * XYZ, the {@code ADict} walks, Hydra's overrides, interpolations and merges) handles on a thread with the
     * default 1 MiB stack; a deeper limit needs a proportionally larger stack ({@code -Xss}). The Spring Boot
     * starter refuses {@code ato.limits.max-depth} above this, scaled by the JVM's thread stack size, at start-up.
     * Measured by {@code DefaultStackDepthTest} (docs/decisions.md).
     */
    public static final int DEFAULT_STACK_MAX_DEPTH = 600;

    private static final Limits DEFAULTS = new Limits(500, 16L << 20, 1000, 1_000_000, 16L << 20);

    private static volatile Limits current = DEFAULTS;

    /** Checks that every limit is positive. */
    public Limits {
        positive(maxDepth, MAX_DEPTH);
        positive(maxDocumentSize, MAX_DOCUMENT_SIZE);
        positive(maxNumberDigits, MAX_NUMBER_DIGITS);
        positive(maxExpansion, MAX_EXPANSION);
        positive(maxStringLength, MAX_STRING_LENGTH);
    }

    private static void positive(long value, String property) {
        if (value < 1) {
            throw new AtoConfigException(property + " must be at least 1, not " + value);
        }
    }

    /**
     * The defaults: depth 500, documents of 16 MiB, numbers of 1,000 digits, 1,000,000 values by expansion, strings
     * of 16 Mi characters.
     */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /** The limits loaders use when they are given none: {@link #defaults()} until {@link #install} is called. */
    public static Limits current() {
        return current;
    }

    /** Makes {@code limits} the process-wide {@link #current()} limits. */
    public static void install(Limits limits) {
        current = Objects.requireNonNull(limits, "limits");
    }

    /** These limits with another {@link #maxDepth()}. */
    public Limits withMaxDepth(int maxDepth) {
        return new Limits(maxDepth, maxDocumentSize, maxNumberDigits, maxExpansion, maxStringLength);
    }

    /** These limits with another {@link #maxDocumentSize()}. */
    public Limits withMaxDocumentSize(long maxDocumentSize) {
        return new Limits(maxDepth, maxDocumentSize, maxNumberDigits, maxExpansion, maxStringLength);
    }

    /** These limits with another {@link #maxNumberDigits()}. */
    public Limits withMaxNumberDigits(int maxNumberDigits) {
        return new Limits(maxDepth, maxDocumentSize, maxNumberDigits, maxExpansion, maxStringLength);
    }

    /** These limits with another {@link #maxExpansion()}. */
    public Limits withMaxExpansion(long maxExpansion) {
        return new Limits(maxDepth, maxDocumentSize, maxNumberDigits, maxExpansion, maxStringLength);
    }

    /** These limits with another {@link #maxStringLength()}. */
    public Limits withMaxStringLength(long maxStringLength) {
        return new Limits(maxDepth, maxDocumentSize, maxNumberDigits, maxExpansion, maxStringLength);
    }

    /**
     * The error for nesting deeper than {@link #maxDepth()}.
     *
     * @param source   the file or literal, for example {@code "conf.py"} or {@code "literal"}
     * @param keyPath  the dotted key path, empty if unknown or at the top
     * @param position where in the source, empty if unknown
     */
    public AtoLimitException depthExceeded(String source, String keyPath, String position) {
        return new AtoLimitException(source, keyPath, position, "nesting deeper than " + maxDepth + " levels",
                MAX_DEPTH, maxDepth);
    }

    /** The error for a document larger than {@link #maxDocumentSize()}; {@code size} is its size or a lower bound. */
    public AtoLimitException documentTooLarge(String source, long size) {
        return new AtoLimitException(source, "", "", "document of " + size + " bytes is larger than "
                + maxDocumentSize + " bytes", MAX_DOCUMENT_SIZE, maxDocumentSize);
    }

    /** The error for a number with more than {@link #maxNumberDigits()} digits; the number itself is not repeated. */
    public AtoLimitException numberTooLong(String source, String keyPath, String position, long digits) {
        return new AtoLimitException(source, keyPath, position, "a number of " + (digits > maxNumberDigits
                ? digits + " digits" : "more than " + maxNumberDigits + " digits") + " is longer than "
                + maxNumberDigits + " digits", MAX_NUMBER_DIGITS, maxNumberDigits);
    }

    /** The error for expansion beyond {@link #maxExpansion()}; {@code what} says what was expanding. */
    public AtoLimitException expansionExceeded(String source, String keyPath, String position, String what) {
        return new AtoLimitException(source, keyPath, position, what + " expands to more than " + maxExpansion
                + " values", MAX_EXPANSION, maxExpansion);
    }

    /** The error for a string longer than {@link #maxStringLength()}; {@code what} says what built it. */
    public AtoLimitException stringTooLong(String source, String keyPath, String position, String what) {
        return new AtoLimitException(source, keyPath, position, what + " builds a string longer than "
                + maxStringLength + " characters", MAX_STRING_LENGTH, maxStringLength);
    }

    /** Throws {@link #depthExceeded} when {@code depth} is beyond {@link #maxDepth()}. */
    public void checkDepth(int depth, String source, String keyPath, String position) {
        if (depth > maxDepth) {
            throw depthExceeded(source, keyPath, position);
        }
    }

    /** Throws {@link #documentTooLarge} when {@code size} is beyond {@link #maxDocumentSize()}. */
    public void checkDocumentSize(long size, String source) {
        if (size > maxDocumentSize) {
            throw documentTooLarge(source, size);
        }
    }
}
