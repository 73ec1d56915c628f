package dev.ato.scope;

/** A view as registered on a scope. */
record RegisteredView(String name, ViewOptions options, View body) {
}
