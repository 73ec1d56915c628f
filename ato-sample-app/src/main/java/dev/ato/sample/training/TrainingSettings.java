package dev.ato.sample.training;

import dev.ato.AtoConfigException;

/**
 * Everything one training run needs to know, checked on construction: a value out of range is an
 * {@link AtoConfigException} naming the setting, the value and the allowed range.
 *
 * @param learningRate       the optimiser's (initial) step size, &gt; 0
 * @param optimiser          which gradient optimiser
 * @param epochs             passes over the training part, &ge; 1
 * @param minibatchSize      examples per gradient step, &ge; 1
 * @param l2                 L2 penalty on the weights (not the biases), added to the gradient, &ge; 0
 * @param seed               seeds the split and Tribuo's shuffling, so a run is reproducible
 * @param validationFraction share of each class held out for validation, in (0, 1)
 */
public record TrainingSettings(double learningRate, Optimiser optimiser, int epochs, int minibatchSize, double l2,
                               long seed, double validationFraction) {

    public TrainingSettings {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new AtoConfigException("learningRate must be a positive number, got " + learningRate);
        }
        if (optimiser == null) {
            throw new AtoConfigException("optimiser is missing; expected one of sgd, momentum, adagrad, adam, rmsprop");
        }
        if (epochs < 1) {
            throw new AtoConfigException("epochs must be at least 1, got " + epochs);
        }
        if (minibatchSize < 1) {
            throw new AtoConfigException("minibatchSize must be at least 1, got " + minibatchSize);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new AtoConfigException("l2 must be a number >= 0, got " + l2);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new AtoConfigException("validationFraction must be between 0 and 1 (exclusive), got "
                    + validationFraction);
        }
    }

    /** The defaults the app ships with. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(0.01, Optimiser.ADAM, 20, 16, 1e-4, 42, 0.2);
    }

    /** These settings with a different number of epochs (HyperBand grants epochs per generation). */
    public TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(learningRate, optimiser, newEpochs, minibatchSize, l2, seed, validationFraction);
    }
}
