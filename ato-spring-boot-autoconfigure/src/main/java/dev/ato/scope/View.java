package dev.ato.scope;

import dev.ato.adict.ADict;

/**
 * A view that may defer part of its work until after the command-line input: the Java form of Python ato's
 * {@code with Scope.lazy():}. Register it with {@link Scope#observe(String, ViewOptions, View)}:
 *
 * <pre>{@code
 * scope.observe("train", ViewOptions.defaults(), (config, context) -> {
 *     config.set("lr", 0.1);
 *     context.defer(c -> c.set("batch_size", 256 * c.getInt("factor")));   // sees factor=2 from the CLI
 * });
 * }</pre>
 */
@FunctionalInterface
public interface View {

    /** Edits {@code config}; blocks given to {@link ViewContext#defer} run later, after the input. */
    void apply(ADict config, ViewContext context);
}
