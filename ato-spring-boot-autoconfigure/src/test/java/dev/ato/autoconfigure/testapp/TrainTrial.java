package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.hyperopt.HyperBandTrial;
import org.springframework.stereotype.Component;

/** The test application's trial: best at lr = 0.3, and it fails unless the base carries train's batch_size. */
@Component
public class TrainTrial implements HyperBandTrial {

    @Override
    public double applyAsDouble(ADict config) {
        if (config.getInt("batch_size") != 64) {
            throw new IllegalStateException("the trial did not get the application's resolution: " + config);
        }
        double lr = config.getDouble("lr");
        return -(lr - 0.3) * (lr - 0.3);
    }
}
