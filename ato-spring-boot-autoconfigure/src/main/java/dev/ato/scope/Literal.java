package dev.ato.scope;

/**
 * A command-line {@code key=value} routed to one scope.
 *
 * @param key   the dotted key inside the scope (scope prefix removed)
 * @param value the parsed value
 * @param text  the literal as typed
 * @param index its position in the arguments
 */
record Literal(String key, Object value, String text, int index) {
}
