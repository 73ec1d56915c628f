package dev.ato.sample.config;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;

/** The {@code model} scope: the classifier's regularisation and where trained models are written. */
@AtoScope("model")
class ModelViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict model) {
        model.set("l2", 1e-4);
        model.set("dir", "models");
    }

    /** No weight penalty: shows how much the L2 term helps. */
    @AtoObserve
    void unregularised(ADict model) {
        model.set("l2", 0.0);
    }

    @AtoManual
    void docs(ADict docs) {
        docs.set("l2", "L2 penalty on the weights (not the biases), added to the gradient; >= 0");
        docs.set("dir", "directory for trained models: `train` writes <dir>/digits-run<run id>.tribuo");
    }
}
