package dev.ato.sample.config;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

/** The {@code data} scope: which images, and how they are split into training and validation parts. */
@AtoScope("data")
class DataViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict data) {
        data.set("file", "bundled");
        data.set("validation_fraction", 0.2);
        data.set("seed", 42);
    }

    /** Holds out 30 % of each digit instead of 20 %: a steadier validation accuracy, less to train on. */
    @AtoObserve(name = "large_validation")
    void largeValidation(ADict data) {
        data.set("validation_fraction", 0.3);
    }

    @AtoManual
    void docs(ADict docs) {
        docs.set("file", "digits CSV (64 pixels 0..16, then the label 0..9; plain or gzipped), or 'bundled' for the"
                + " UCI digits inside the app");
        docs.set("validation_fraction", "share of each digit held out for validation, in (0, 1)");
        docs.set("seed", "seeds the stratified split and the shuffling of minibatches");
    }
}
