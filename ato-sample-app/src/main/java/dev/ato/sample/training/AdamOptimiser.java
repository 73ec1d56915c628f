package dev.ato.sample.training;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Adam (Kingma and Ba, 2015) on Tribuo's tensors. Tribuo 4.3.2's own {@code Adam} multiplies the step by the root
 * of the second moment instead of dividing by it (fixed upstream in oracle/tribuo pull request 401, after the
 * 4.3.2 release), which makes it diverge or stall depending on the gradient's scale; this one divides.
 */
final class AdamOptimiser implements StochasticGradientOptimiser {

    @Config(description = "Step size.")
    private double learningRate;

    @Config(description = "Decay of the first moment.")
    private double betaOne = 0.9;

    @Config(description = "Decay of the second moment.")
    private double betaTwo = 0.999;

    @Config(description = "Added to the second moment's root so no division is by zero.")
    private double epsilon = 1e-8;

    private Tensor[] firstMoment;
    private Tensor[] secondMoment;
    private int iterations;

    AdamOptimiser(double learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void initialise(Parameters parameters) {
        firstMoment = parameters.getEmptyCopy();
        secondMoment = parameters.getEmptyCopy();
        iterations = 0;
    }

    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        iterations++;
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(betaTwo, iterations))
                / (1 - Math.pow(betaOne, iterations));
        for (int i = 0; i < gradients.length; i++) {
            firstMoment[i].scaleInPlace(betaOne);
            firstMoment[i].intersectAndAddInPlace(gradients[i], g -> g * (1 - betaOne));
            secondMoment[i].scaleInPlace(betaTwo);
            secondMoment[i].intersectAndAddInPlace(gradients[i], g -> g * g * (1 - betaTwo));
            // Reuse the gradient tensor for the update, keeping its sparsity pattern.
            gradients[i].scaleInPlace(0);
            gradients[i].intersectAndAddInPlace(firstMoment[i], m -> m * stepSize);
            gradients[i].hadamardProductInPlace(secondMoment[i], v -> 1 / (Math.sqrt(v) + epsilon));
        }
        return gradients;
    }

    @Override
    public void reset() {
        firstMoment = null;
        secondMoment = null;
        iterations = 0;
    }

    @Override
    public AdamOptimiser copy() {
        return new AdamOptimiser(learningRate);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }
}
