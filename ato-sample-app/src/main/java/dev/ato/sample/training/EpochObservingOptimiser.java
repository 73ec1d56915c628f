package dev.ato.sample.training;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

import java.util.function.ObjIntConsumer;

/**
 * Wraps the run's optimiser to see Tribuo's own training loop from inside: it counts gradient steps and hands the
 * live weights to a callback after every epoch. Tribuo 4.3 cannot resume training, so watching its loop is the one
 * way to get per-epoch numbers without retraining from scratch for every epoch.
 *
 * <p>Tribuo takes {@code ceil(n / minibatch)} steps per epoch and applies a step's update only after
 * {@link #step} returns, so an epoch's end is seen at the first step of the next epoch, and the last epoch's at
 * {@link #finalise()}.
 */
final class EpochObservingOptimiser implements StochasticGradientOptimiser {

    @Config(description = "The optimiser that turns gradients into updates.")
    private StochasticGradientOptimiser delegate;

    private final int stepsPerEpoch;
    private final ObjIntConsumer<LinearParameters> epochEnded;
    private LinearParameters parameters;
    private long steps;

    EpochObservingOptimiser(StochasticGradientOptimiser delegate, int stepsPerEpoch,
                            ObjIntConsumer<LinearParameters> epochEnded) {
        this.delegate = delegate;
        this.stepsPerEpoch = stepsPerEpoch;
        this.epochEnded = epochEnded;
    }

    @Override
    public void initialise(Parameters trained) {
        parameters = (LinearParameters) trained;
        steps = 0;
        delegate.initialise(trained);
    }

    @Override
    public Tensor[] step(Tensor[] gradients, double weight) {
        if (steps > 0 && steps % stepsPerEpoch == 0) {
            epochEnded.accept(parameters, (int) (steps / stepsPerEpoch));
        }
        steps++;
        return delegate.step(gradients, weight);
    }

    @Override
    public void finalise() {
        if (steps % stepsPerEpoch != 0) {
            throw new IllegalStateException("Tribuo took " + steps + " steps, not a multiple of the "
                    + stepsPerEpoch + " expected per epoch; its training loop has changed");
        }
        epochEnded.accept(parameters, (int) (steps / stepsPerEpoch));
        delegate.finalise();
    }

    @Override
    public void reset() {
        parameters = null;
        steps = 0;
        delegate.reset();
    }

    @Override
    public EpochObservingOptimiser copy() {
        return new EpochObservingOptimiser(delegate.copy(), stepsPerEpoch, epochEnded);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }
}
