package dev.ato.hyperopt;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The Parzen estimator's kernel widths: Optuna's for TPE, the normal reference rule of BOHB's KDE. */
class ParzenTest {

    private static final List<Distribution> SQUARE = new ArrayList<>(
            Domain.builder().floats("a", 0, 1).floats("b", 0, 1).build().parameters().values());

    /** 20 observations around (0.5, 0.5), standard deviation about 0.01. */
    private static double[][] cluster() {
        double[][] points = new double[20][];
        for (int i = 0; i < points.length; i++) {
            double offset = (i - 9.5) / 9.5 * 0.017;
            points[i] = new double[] {0.5 + offset, 0.5 - offset};
        }
        return points;
    }

    private static double shareNearCentre(boolean normalReference) {
        double[] weights = new double[20];
        Arrays.fill(weights, 1.0);
        Parzen parzen = new Parzen(SQUARE, cluster(), weights, 1.0, normalReference);
        SplittableRandom random = new SplittableRandom(1);
        int near = 0;
        for (int i = 0; i < 2000; i++) {
            double[] x = parzen.sample(random);
            if (Math.abs(x[0] - 0.5) < 0.05 && Math.abs(x[1] - 0.5) < 0.05) {
                near++;
            }
        }
        return near / 2000.0;
    }

    @Test
    void bohbKernelsShrinkWithTheSpreadOfTheObservationsAndOptunasFollowTheRange() {
        // normal reference: 1.06 * 0.01 * 20^(-1/6) ~ 0.007 wide, so all but the prior kernel's share (1/21) is near
        assertThat(shareNearCentre(true)).isGreaterThan(0.9);
        // Optuna's multivariate width: 0.2 * 20^(-1/6) ~ 0.12 of the range, whatever the spread
        assertThat(shareNearCentre(false)).isLessThan(0.5);
    }
}
