package dev.ato.scope;

import dev.ato.adict.ADict;

import java.util.function.Consumer;

/** What a running {@link View} may ask of the resolution. */
public interface ViewContext {

    /** The name of the view that is running. */
    String viewName();

    /**
     * Runs {@code block} after external properties and command-line literals (in view order, before the lazy
     * views); in a lazy view, right after that view. Only valid while the view runs.
     */
    void defer(Consumer<ADict> block);
}
