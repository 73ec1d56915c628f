package dev.ato.cli;

import org.jspecify.annotations.Nullable;

/**
 * One classified command-line token: either the name of a view to apply or a {@code key=value} assignment.
 * {@code index} is the token's position in the command line (0-based), which provenance reports as
 * "cli literal #index".
 */
public sealed interface CliArgument {

    /** Position of the token in the command line, 0-based. */
    int index();

    /**
     * A bare token without {@code =}: the name of a view, possibly scope-prefixed ({@code model.resnet101}).
     * Whether such a view exists is decided by the scope, which knows the views.
     */
    record ViewName(String name, int index) implements CliArgument {
    }

    /**
     * A {@code key=value} token. {@code key} is the text before the first {@code =} kept verbatim (dotted paths
     * and scope prefixes included), {@code value} the parsed literal in the ADict value model, and
     * {@code literal} the source text after the {@code =}.
     */
    record Assignment(String key, @Nullable Object value, String literal, int index) implements CliArgument {
    }
}
