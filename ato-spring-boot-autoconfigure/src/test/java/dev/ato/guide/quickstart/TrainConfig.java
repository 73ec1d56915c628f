package dev.ato.guide.quickstart;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

/** The views of the "train" scope in docs/getting-started.md: plain methods that edit the config. */
@AtoScope("train")
public class TrainConfig {

    @AtoObserve(defaultView = true)
    void defaults(ADict config) {
        config.set("lr", 0.01);
        config.set("epochs", 10);
        config.set("batch_size", 32);
        config.set("optimizer", "sgd");
    }

    @AtoObserve(priority = 1)
    void fast(ADict config) {
        config.set("epochs", 2);
    }

    @AtoObserve(priority = 1)
    void adam(ADict config) {
        config.set("optimizer", "adam");
        config.set("lr", 0.001);
    }

    @AtoObserve(defaultView = true, lazy = true)
    void warmup(ADict config) {
        config.set("warmup_steps", config.getInt("epochs") * 100);
    }

    @AtoManual
    void manual(ADict docs) {
        docs.set("lr", "learning rate of the optimizer");
        docs.set("epochs", "passes over the training data");
        docs.set("batch_size", "examples per gradient step");
        docs.set("optimizer", "sgd or adam");
        docs.set("warmup_steps", "derived: 100 steps per epoch");
    }
}
