package dev.ato.autoconfigure.scope;

import dev.ato.autoconfigure.AtoObserve;

import java.util.List;

/** The options of an {@code @AtoObserve} method, copied out of the annotation. */
record ViewSpec(boolean defaultView, int priority, boolean lazy, List<String> chainWith) {

    static ViewSpec of(AtoObserve observe) {
        return new ViewSpec(observe.defaultView(), observe.priority(), observe.lazy(), List.of(observe.chainWith()));
    }
}
