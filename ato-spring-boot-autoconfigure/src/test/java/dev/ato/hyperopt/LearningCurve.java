package dev.ato.hyperopt;

import dev.ato.adict.ADict;

/**
 * A synthetic training job with a known optimum and a learning-curve budget model (documented in
 * docs/benchmarks.md, section HyperBand): after {@code s} steps a config scores
 * {@code quality(c) * (1 - exp(-s / tau(c)))}, where
 * {@code quality = exp(-(log10(lr) + 2.5)^2) * exp(-((log2(width) - 7) / 3)^2) * (1 - (dropout - 0.2)^2)} and
 * {@code tau = 60 * sqrt(0.01 / lr)}: large learning rates learn fast but end lower, so early rankings mislead.
 */
final class LearningCurve {

    static final long MAX_STEPS = 1000;
    static final SearchSpace SPACE = SearchSpace.builder()
            .logFloats("lr", 1e-4, 1, 16)
            .logIntegers("width", 8, 512, 7)
            .floats("dropout", 0, 0.5, 6)
            .build();

    private LearningCurve() {
    }

    static double quality(ADict c) {
        double lr = c.getDouble("lr");
        double width = c.getInt("width");
        double dropout = c.getDouble("dropout");
        double l = Math.log10(lr) + 2.5;
        double w = (Math.log(width) / Math.log(2) - 7) / 3;
        return Math.exp(-l * l) * Math.exp(-w * w) * (1 - (dropout - 0.2) * (dropout - 0.2));
    }

    static double score(ADict c, long steps) {
        double tau = 60 * Math.sqrt(0.01 / c.getDouble("lr"));
        return quality(c) * (1 - Math.exp(-steps / tau));
    }

    /** The best score any grid config reaches at full budget. */
    static double gridBest() {
        return SPACE.grid(new ADict()).stream().mapToDouble(c -> score(c, MAX_STEPS)).max().orElseThrow();
    }
}
