package dev.ato.autoconfigure.scope.good;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;

/** Views of the default scope, declared in an order that is not alphabetical. */
public class TrainViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict config) {
        config.set("lr", 0.1);
    }

    @AtoObserve(name = "high_lr", priority = 1, chainWith = "warm")
    void highLr(ADict config) {
        config.set("lr", 1.0);
    }

    @AtoObserve(lazy = true)
    static void warm(ADict config) {
        config.set("warmup", true);
    }

    @AtoManual
    void docs(ADict docs) {
        docs.set("lr", "learning rate");
    }
}
