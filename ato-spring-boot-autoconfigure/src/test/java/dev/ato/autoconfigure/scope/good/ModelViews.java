package dev.ato.autoconfigure.scope.good;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

/** A class whose views belong to the {@code model} scope unless a method names another. */
@AtoScope("model")
public class ModelViews {

    @AtoObserve(defaultView = true)
    public void base(ADict model) {
        model.set("name", "resnet50");
    }

    @AtoObserve(scope = "data")
    public void small(ADict data) {
        data.set("size", 10);
    }
}
