package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;

/**
 * A Hydra composition or interpolation failure. {@link #kind()} says which of Hydra's (and OmegaConf's) errors it
 * corresponds to; {@link #source()} and {@link #keyPath()} say where it happened, when that is known.
 */
public class HydraException extends AtoConfigException {

    private static final long serialVersionUID = 1L;

    /** The kind of failure, named after the Hydra or OmegaConf error it stands for. */
    public enum Kind {
        /** A config file or group option does not exist (Hydra's {@code MissingConfigException}). */
        MISSING_CONFIG,
        /** The defaults list or an override cannot be applied (Hydra's {@code ConfigCompositionException}). */
        COMPOSITION,
        /** A command-line override is not valid override grammar (Hydra's {@code OverrideParseException}). */
        OVERRIDE_PARSE,
        /** A config file is not valid YAML or not a mapping. */
        CONFIG_PARSE,
        /** A {@code ???} value was read (OmegaConf's {@code MissingMandatoryValue}). */
        MISSING_MANDATORY_VALUE,
        /** An interpolation points at a {@code ???} value (OmegaConf's {@code InterpolationToMissingValueError}). */
        INTERPOLATION_TO_MISSING_VALUE,
        /** An interpolation points at a key that does not exist (OmegaConf's {@code InterpolationKeyError}). */
        INTERPOLATION_KEY,
        /** Interpolations refer to each other in a cycle. */
        INTERPOLATION_CYCLE,
        /** An interpolation is malformed, names an unknown resolver, or its resolver failed. */
        INTERPOLATION_RESOLUTION,
        /**
         * Input beyond one of the loaders' limits ({@link dev.ato.adict.Limits}: nesting depth, expansion, string
         * length); the cause is the {@link AtoLimitException} naming the position, the limit and its property.
         */
        LIMIT
    }

    private final Kind kind;
    private final String source;
    private final @Nullable String keyPath;
    private final String detail;

    HydraException(Kind kind, String message, String source, @Nullable String keyPath) {
        this(kind, message, source, keyPath, null);
    }

    HydraException(Kind kind, String message, String source, @Nullable String keyPath, @Nullable Throwable cause) {
        super(describe(message, source, keyPath), cause);
        this.detail = message;
        this.kind = kind;
        this.source = source;
        this.keyPath = keyPath;
    }

    private HydraException(AtoLimitException limit, String source, String keyPath) {
        super(limit.getMessage(), limit);
        this.kind = Kind.LIMIT;
        this.detail = limit.getMessage();
        this.source = source;
        this.keyPath = keyPath;
    }

    /** A limit exceeded in {@code source} at {@code keyPath}: the limit's own message, which names both. */
    static HydraException limit(AtoLimitException limit, String source, String keyPath) {
        return new HydraException(limit, source, keyPath);
    }

    private static String describe(String message, @Nullable String source, @Nullable String keyPath) {
        StringBuilder where = new StringBuilder();
        if (keyPath != null && !keyPath.isEmpty()) {
            where.append("at key '").append(keyPath).append('\'');
        }
        if (source != null && !source.isEmpty()) {
            where.append(where.length() > 0 ? " " : "").append("in ").append(source);
        }
        return where.length() == 0 ? message : message + "\n    " + where;
    }

    /** The same failure reported at another key (an outer interpolation whose resolution hit it). */
    HydraException at(String otherKeyPath, String otherSource) {
        return new HydraException(kind, detail, otherSource, otherKeyPath, this);
    }

    /** Which Hydra or OmegaConf error this is. */
    public Kind kind() {
        return kind;
    }

    /** The config file (relative to the config dir) or the override the failure came from, or {@code null}. */
    public String source() {
        return source;
    }

    /** The full key path (OmegaConf style, {@code a.b[0].c}) the failure is about, or {@code null}. */
    public @Nullable String keyPath() {
        return keyPath;
    }
}
