package dev.ato.autoconfigure.bench.app;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;

/** The benchmark application's views. */
public class BenchViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict config) {
        config.set("lr", 0.1);
        config.set("batch_size", 32);
    }

    @AtoObserve(name = "high_lr")
    void highLr(ADict config) {
        config.set("lr", 1.0);
    }

    @AtoManual
    void docs(ADict docs) {
        docs.set("lr", "learning rate");
    }
}
