package dev.ato.sample.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The {@code train} scope, typed; Spring's relaxed binding maps {@code minibatch_size} to {@link #minibatchSize}.
 *
 * @param lr            learning rate
 * @param optimiser     optimiser name: sgd, momentum, adagrad, adam or rmsprop
 * @param minibatchSize images per gradient step
 * @param epochs        passes over the training part
 * @param search        the HyperBand search over lr × optimiser × minibatch size
 */
@ConfigurationProperties("train")
public record TrainProperties(double lr, String optimiser, int minibatchSize, int epochs, Search search) {

    /**
     * The search's grid and schedule.
     *
     * @param lr            learning rates to try
     * @param optimiser     optimisers to try
     * @param minibatchSize minibatch sizes to try
     * @param halvingRate   share of configs kept per generation
     * @param minSamples    the search stops when fewer configs than this would remain
     * @param firstEpochs   epochs in generation 0
     * @param maxEpochs     most epochs any trial gets
     */
    public record Search(List<Double> lr, List<String> optimiser, List<Integer> minibatchSize, double halvingRate,
                         int minSamples, int firstEpochs, int maxEpochs) {

        public Search {
            lr = lr == null ? List.of() : List.copyOf(lr);
            optimiser = optimiser == null ? List.of() : List.copyOf(optimiser);
            minibatchSize = minibatchSize == null ? List.of() : List.copyOf(minibatchSize);
        }
    }
}
