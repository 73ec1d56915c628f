package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

import java.util.Map;

/** The {@code train} scope: defaults, a named view that also deletes a key, and a lazy view. */
@AtoScope("train")
public class TrainViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict train) {
        train.set("lr", 0.1);
        train.set("batch_size", 32);
        train.set("optim", Map.of("name", "adam", "beta", 0.9));
        train.set("dropout", 0.5);
        train.set("api_token", "s3cr3t");
    }

    @AtoObserve(name = "high_lr", priority = 1)
    void highLr(ADict train) {
        train.set("lr", 1.0);
        train.remove("dropout");
    }

    @AtoObserve(defaultView = true, lazy = true)
    void steps(ADict train) {
        train.set("steps", train.getInt("batch_size") * 10);
    }

    @AtoManual
    void docs(ADict docs) {
        docs.set("lr", "learning rate");
        docs.set("batch_size", "examples per step");
    }
}
