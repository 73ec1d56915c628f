/**
 * Ato's Spring Shell commands ({@code manual}, {@code print}, {@code why}, {@code runs ...}, {@code hyperband})
 * and the one-shot runner that starts the application like a command-line tool when the first word is one of
 * them.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.NullMarked;
