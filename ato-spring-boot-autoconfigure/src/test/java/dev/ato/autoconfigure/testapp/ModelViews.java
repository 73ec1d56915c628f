package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

import java.util.List;

/** The {@code model} scope. */
@AtoScope("model")
public class ModelViews {

    @AtoObserve(defaultView = true)
    void base(ADict model) {
        model.set("name", "resnet50");
        model.set("layers", List.of(1, 2, 3));
    }

    @AtoObserve
    void resnet101(ADict model) {
        model.set("name", "resnet101");
    }
}
