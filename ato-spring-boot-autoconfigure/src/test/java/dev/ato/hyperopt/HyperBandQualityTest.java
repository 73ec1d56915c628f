package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** HyperBand on the synthetic learning-curve job: near the full grid's best for a fraction of its budget. */
class HyperBandQualityTest {

    @Test
    void findsAConfigWithinOnePercentOfTheGridBestForAQuarterOfItsBudget() {
        HyperBand hyperBand = new HyperBand(LearningCurve.SPACE, 0.5, 4, Mode.MAX);
        AtomicLong budget = new AtomicLong();
        HyperBandResult result = hyperBand.run(new ADict(), config -> {
            long steps = hyperBand.stepsFor(config, LearningCurve.MAX_STEPS);
            budget.addAndGet(steps);
            return LearningCurve.score(config, steps);
        });
        double fullGridBudget = (double) LearningCurve.SPACE.size() * LearningCurve.MAX_STEPS;
        assertThat(budget.get() / fullGridBudget).isLessThanOrEqualTo(0.25);
        assertThat(LearningCurve.score(result.config(), LearningCurve.MAX_STEPS))
                .isGreaterThanOrEqualTo(0.99 * LearningCurve.gridBest());
    }
}
