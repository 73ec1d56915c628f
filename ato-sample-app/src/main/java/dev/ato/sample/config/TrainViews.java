package dev.ato.sample.config;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;
import dev.ato.hyperopt.HyperBand;

import java.util.List;

/**
 * The {@code train} scope: the optimiser and its budget, and the HyperBand search over them. The lazy view
 * {@code epochs_from_generation} ({@link #epochsFromGeneration}) gives a search trial its epochs from the
 * generation it reached.
 */
@AtoScope("train")
class TrainViews {

    @AtoObserve(defaultView = true)
    void defaults(ADict train) {
        train.set("lr", 0.01);
        train.set("optimiser", "adam");
        train.set("minibatch_size", 16);
        train.set("epochs", 20);
        train.set("search", new ADict());
        train.set("search.lr", List.of(0.001, 0.01, 0.1, 1.0));
        train.set("search.optimiser", List.of("sgd", "momentum", "adagrad", "adam", "rmsprop"));
        train.set("search.minibatch_size", List.of(8, 32, 128));
        train.set("search.halving_rate", 0.5);
        train.set("search.min_samples", 1);
        train.set("search.first_epochs", 2);
        train.set("search.max_epochs", 20);
    }

    /** A quick look: a few epochs with bigger minibatches. */
    @AtoObserve
    void fast(ADict train) {
        train.set("epochs", 5);
        train.set("minibatch_size", 64);
        train.set("search.max_epochs", 5);
    }

    /** Plain SGD needs a larger step than Adam. */
    @AtoObserve
    void sgd(ADict train) {
        train.set("optimiser", "sgd");
        train.set("lr", 0.1);
    }

    /** Adam at its usual step (the default optimiser; named so a command line can say so). */
    @AtoObserve
    void adam(ADict train) {
        train.set("optimiser", "adam");
        train.set("lr", 0.01);
    }

    /** Three times the epochs, for the last bit of accuracy. */
    @AtoObserve(name = "long_training", priority = 1)
    void longTraining(ADict train) {
        train.set("epochs", 60);
        train.set("search.max_epochs", 60);
    }

    /**
     * A search trial's budget: {@code first_epochs / halving_rate^generation}, at most {@code max_epochs}. Lazy, so
     * it sees the trial's {@code __num_halved__} and the search settings after every other layer.
     */
    @AtoObserve(name = "epochs_from_generation", defaultView = true, lazy = true)
    void epochsFromGeneration(ADict train) {
        if (!train.contains(HyperBand.NUM_HALVED)) {
            return;
        }
        int generation = train.getInt(HyperBand.NUM_HALVED);
        double epochs = train.getInt("search.first_epochs") * Math.pow(1 / train.getDouble("search.halving_rate"),
                generation);
        train.set("epochs", (int) Math.min(train.getInt("search.max_epochs"), Math.round(epochs)));
    }

    @AtoManual
    void docs(ADict docs) {
        docs.set("lr", "learning rate (the optimiser's step size); > 0");
        docs.set("optimiser", "sgd | momentum (Nesterov 0.9) | adagrad | adam | rmsprop (rho 0.9)");
        docs.set("minibatch_size", "images per gradient step (the gradient is their mean); >= 1");
        docs.set("epochs", "passes over the training part; in a search the generation decides (see __num_halved__)");
        docs.set("__num_halved__", "set only in a search trial: how many halvings its config survived");
        docs.set("search.lr", "learning rates the search tries");
        docs.set("search.optimiser", "optimisers the search tries");
        docs.set("search.minibatch_size", "minibatch sizes the search tries");
        docs.set("search.halving_rate", "share of configs kept for the next generation, in (0, 1)");
        docs.set("search.min_samples", "the search stops when fewer configs than this would remain");
        docs.set("search.first_epochs", "epochs of a trial in generation 0; each generation multiplies them by"
                + " 1/halving_rate");
        docs.set("search.max_epochs", "most epochs any trial gets (also the final re-evaluation's)");
    }
}
