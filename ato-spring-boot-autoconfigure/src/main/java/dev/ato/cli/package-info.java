/**
 * The command-line literal grammar: {@link dev.ato.cli.CliParser} splits a command line into tokens exactly as
 * Python ato does and parses each {@code key=value} literal with a safe parser that never evaluates user text.
 * Uses only {@code dev.ato.adict}; views and their application belong to {@code dev.ato.scope}.
 *
 * <p>Null-marked (JSpecify): a type is non-null unless it says {@code @Nullable}.
 */
@NullMarked
package dev.ato.cli;

import org.jspecify.annotations.NullMarked;
