package dev.ato.scope;

/**
 * A view that a resolution applied, in application order.
 *
 * @param name     the view's name
 * @param kind     why it applied: default, requested on the command line, or chained
 * @param priority its priority
 * @param lazy     whether it ran after the input
 */
public record AppliedView(String name, ViewKind kind, int priority, boolean lazy) {
}
