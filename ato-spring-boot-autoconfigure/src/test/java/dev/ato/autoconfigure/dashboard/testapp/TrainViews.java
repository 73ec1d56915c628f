package dev.ato.autoconfigure.dashboard.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

/** The test application's {@code train} scope: defaults, a named view, and a lazy view, for the merge-order page. */
@AtoScope("train")
public class TrainViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict train) {
        train.set("lr", 0.1);
        train.set("batch_size", 32);
        train.set("note", "<script>alert(1)</script>");
    }

    @AtoObserve(name = "fast", priority = 1)
    void fast(ADict train) {
        train.set("lr", 0.5);
    }

    @AtoObserve(defaultView = true, lazy = true)
    void steps(ADict train) {
        train.set("steps", train.getInt("batch_size") * 10);
    }
}
