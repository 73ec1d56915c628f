package dev.ato.scope;

import dev.ato.AtoConfigException;

import java.util.List;

/**
 * How a view takes part in resolution: whether it applies without being named ({@code defaultView}), where it
 * sorts ({@code priority}, ascending), whether it runs after the command-line input ({@code lazy}), and which
 * views it pulls in ({@code chainWith}). Immutable: each setter-style method returns a new value, so
 * {@code ViewOptions.defaults().priority(1).lazy(true)} reads as it applies.
 *
 * @param defaultView applied on every resolution, as if requested when it was registered
 * @param priority    ascending sort key among the views of the same phase; ties keep request order
 * @param lazy        runs after external properties, command-line literals and deferred blocks
 * @param chainWith   views applied together with this one (transitively, each once)
 */
public record ViewOptions(boolean defaultView, int priority, boolean lazy, List<String> chainWith) {

    private static final ViewOptions DEFAULTS = new ViewOptions(false, 0, false, List.of());

    public ViewOptions {
        chainWith = List.copyOf(chainWith);
        for (String name : chainWith) {
            if (name == null || name.isBlank()) {
                throw new AtoConfigException("chainWith names must not be empty (got " + chainWith + ")");
            }
        }
    }

    /** A plain named view: not default, priority 0, not lazy, no chain. */
    public static ViewOptions defaults() {
        return DEFAULTS;
    }

    /** These options with {@code defaultView} set. */
    public ViewOptions defaultView(boolean value) {
        return new ViewOptions(value, priority, lazy, chainWith);
    }

    /** These options with {@code priority} set. */
    public ViewOptions priority(int value) {
        return new ViewOptions(defaultView, value, lazy, chainWith);
    }

    /** These options with {@code lazy} set. */
    public ViewOptions lazy(boolean value) {
        return new ViewOptions(defaultView, priority, value, chainWith);
    }

    /** These options chained with {@code views} (replacing any earlier chain). */
    public ViewOptions chainWith(String... views) {
        return new ViewOptions(defaultView, priority, lazy, List.of(views));
    }
}
