package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Consumer;

/**
 * One discovered {@code @AtoObserve} or {@code @AtoManual} method, bound to the instance Ato created for it.
 *
 * @param scope the scope it belongs to
 * @param name the view name ({@code null} for a manual method)
 * @param options the view's options ({@code null} for a manual method)
 * @param target the instance the method runs on ({@code null} for a static method)
 * @param method the method, taking one {@link ADict}
 */
record ViewMethod(String scope, @Nullable String name, @Nullable ViewSpec options, @Nullable Object target, Method method) {

    boolean isManual() {
        return options == null;
    }

    String where() {
        return method.getDeclaringClass().getName() + "." + method.getName() + "(ADict)";
    }

    /** The method as the engine's view function; an exception thrown inside reaches the caller unwrapped. */
    Consumer<ADict> asConsumer() {
        return config -> {
            try {
                method.invoke(target, config);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("view " + where() + " failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + where() + ": " + e.getMessage(), e);
            }
        };
    }
}
