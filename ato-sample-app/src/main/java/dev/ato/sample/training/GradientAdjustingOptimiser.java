package dev.ato.sample.training;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * Hands the run's optimiser the gradient of the usual objective, mean log loss plus {@code l2/2 · |w|²}:
 * <ul>
 *   <li>Tribuo 4.3.2 sums a minibatch's gradients and then multiplies by the minibatch size, so its steps grow
 *   with the square of the batch size; dividing by that square gives the mean gradient, and a learning rate that
 *   means the same for every batch size (an epoch's last, partial minibatch of k examples counts k/m of a full
 *   one).</li>
 *   <li>Tribuo's linear trainer has no regularisation, so the L2 penalty's share ({@code -l2 · w}; Tribuo's
 *   gradients point uphill in likelihood) is added here, to the weights but not to the bias column.</li>
 * </ul>
 */
final class GradientAdjustingOptimiser implements StochasticGradientOptimiser {

    @Config(description = "The optimiser that turns gradients into updates.")
    private StochasticGradientOptimiser delegate;

    @Config(description = "L2 penalty on the weights (not the biases).")
    private double l2;

    @Config(description = "Examples per gradient step.")
    private int minibatchSize;

    private LinearParameters parameters;

    GradientAdjustingOptimiser(StochasticGradientOptimiser delegate, double l2, int minibatchSize) {
        this.delegate = delegate;
        this.l2 = l2;
        this.minibatchSize = minibatchSize;
    }

    @Override
    public void initialise(Parameters trained) {
        parameters = (LinearParameters) trained;
        delegate.initialise(trained);
    }

    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        Tensor gradient = gradients[0];
        if (minibatchSize > 1) {
            gradient.scaleInPlace(1.0 / ((double) minibatchSize * minibatchSize));
        }
        return delegate.step(new Tensor[] {l2 > 0 ? withPenalty(gradient) : gradient}, weight);
    }

    private Tensor withPenalty(Tensor gradient) {
        DenseMatrix weights = parameters.getWeightMatrix();
        int rows = weights.getDimension1Size();
        int columns = weights.getDimension2Size();
        int biasColumn = columns - 1;
        DenseMatrix penalised = new DenseMatrix(rows, columns);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < biasColumn; j++) {
                penalised.set(i, j, -l2 * weights.get(i, j));
            }
        }
        penalised.intersectAndAddInPlace(gradient);
        return penalised;
    }

    @Override
    public void finalise() {
        delegate.finalise();
    }

    @Override
    public void reset() {
        parameters = null;
        delegate.reset();
    }

    @Override
    public GradientAdjustingOptimiser copy() {
        return new GradientAdjustingOptimiser(delegate.copy(), l2, minibatchSize);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }
}
