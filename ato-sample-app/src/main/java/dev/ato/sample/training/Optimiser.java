package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The gradient optimisers a run can choose, by their config name ({@code sgd}, {@code momentum}, {@code adagrad},
 * {@code adam}, {@code rmsprop}), driven by the run's learning rate; all but Adam are Tribuo's. Optimisers that
 * rewrite the weights when training ends (parameter averaging, RDA) are left out, so the metrics seen after the
 * last epoch are those of the saved model.
 */
public enum Optimiser {
    /** Plain stochastic gradient descent with a constant learning rate. */
    SGD,
    /** SGD with Nesterov momentum 0.9. */
    MOMENTUM,
    /** AdaGrad: per-weight rates shrinking with the summed squared gradients. */
    ADAGRAD,
    /** Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8 (this app's, see {@code AdamOptimiser}: Tribuo 4.3.2's is broken). */
    ADAM,
    /** RMSProp with ρ = 0.9. */
    RMSPROP;

    /** The lower-case name used in configs and on the command line. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The optimiser called {@code name} (case-insensitive). */
    public static Optimiser named(String name) {
        for (Optimiser optimiser : values()) {
            if (optimiser.configName().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return optimiser;
            }
        }
        throw new AtoConfigException("unknown optimiser '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Optimiser::configName).collect(Collectors.joining(", ")));
    }

    StochasticGradientOptimiser create(double learningRate) {
        return switch (this) {
            case SGD -> org.tribuo.math.optimisers.SGD.getSimpleSGD(learningRate);
            case MOMENTUM -> org.tribuo.math.optimisers.SGD.getSimpleSGD(learningRate, 0.9,
                    org.tribuo.math.optimisers.SGD.Momentum.NESTEROV);
            case ADAGRAD -> new AdaGrad(learningRate);
            case ADAM -> new AdamOptimiser(learningRate);
            case RMSPROP -> new RMSProp(learningRate, 0.9);
        };
    }
}
