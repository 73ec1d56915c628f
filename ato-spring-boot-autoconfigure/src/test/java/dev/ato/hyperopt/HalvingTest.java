package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HalvingTest {

    private final Halving halving = new Halving(0.5, 2, Mode.MIN);

    private static ADict candidate(int x, int generation, double metric) {
        return new ADict().put("x", x).put(Halving.NUM_HALVED, generation).put(Trials.METRIC, metric);
    }

    @Test
    void scheduleFollowsPythonAto() {
        assertThat(halving.generationSizes(16)).containsExactly(16, 8, 4, 2);
        assertThat(halving.numGenerations(16)).isEqualTo(3);
        assertThat(halving.stepSchedule(80, 16)).containsExactly(20.0, 40.0, 80.0);
        assertThat(new Halving(0.3, 1, Mode.MAX).generationSizes(10)).containsExactly(10, 3);
        assertThat(halving.hasRungAbove(2, 16)).isTrue();
        assertThat(halving.hasRungAbove(3, 16)).isFalse();
    }

    @Test
    void rankingPutsNanLastAndKeepsTiesInOrder() {
        List<ADict> ranked = halving.rank(List.of(candidate(0, 0, Double.NaN), candidate(1, 0, 2.0),
                candidate(2, 0, 1.0), candidate(3, 0, 2.0)), Trials::metric);
        assertThat(ranked).extracting(c -> c.getInt("x")).containsExactly(2, 1, 3, 0);
        assertThat(Halving.rank(ranked, Trials::metric, Mode.MAX)).extracting(c -> c.getInt("x"))
                .containsExactly(1, 3, 2, 0);
    }

    @Test
    void survivorsRunAgainOneGenerationUpUntilTooFewRemain() {
        List<ADict> ranked = List.of(candidate(4, 1, 0.1), candidate(5, 1, 0.2), candidate(6, 1, 0.3),
                candidate(7, 1, 0.4));
        Halving.Next next = halving.next(ranked);
        assertThat(next.isFinal()).isFalse();
        assertThat(next.candidates()).extracting(c -> c.getInt("x") + "/" + Halving.generation(c))
                .containsExactly("4/2", "5/2");
        Halving.Next last = halving.next(next.candidates());
        assertThat(last.isFinal()).isTrue();
        assertThat(last.candidates()).extracting(c -> c.getInt("x") + "/" + Halving.generation(c))
                .containsExactly("4/3");
    }

    @Test
    void aWinnerThatDidNotSurviveIsReevaluatedUnchanged() {
        Halving keepNone = new Halving(0.4, 1, Mode.MIN);
        assertThat(keepNone.survivorCount(2)).isZero();
        ADict winner = keepNone.finalCandidate(List.of(candidate(9, 3, 0.0), candidate(8, 3, 1.0)));
        assertThat(winner.getInt("x")).isEqualTo(9);
        assertThat(Halving.generation(winner)).isEqualTo(3);
        assertThat(Halving.generation(keepNone.finalCandidate(List.of(candidate(7, 3, 0.0), candidate(6, 3, 1.0),
                candidate(5, 3, 2.0))))).isEqualTo(4);
    }

    @Test
    void asynchronousPromotionsSkipWhatWasPromotedBefore() {
        List<ADict> ranked = List.of(candidate(1, 0, 0.1), candidate(2, 0, 0.2), candidate(3, 0, 0.3),
                candidate(4, 0, 0.4), candidate(5, 0, 0.5));
        assertThat(halving.promotions(ranked, c -> c.getInt("x") == 1)).extracting(c -> c.getInt("x"))
                .containsExactly(2);
    }

    @Test
    void aSurvivorIsTheSameConfigOneGenerationUp() {
        ADict sampled = new ADict().put("lr", 0.1).put(Halving.NUM_HALVED, 0).put(Halving.BUDGET, 1.0);
        ADict survivor = Halving.promoted(sampled).put(Halving.BUDGET, 3.0);
        assertThat(Halving.identity(survivor)).isEqualTo(Halving.identity(sampled));
        assertThat(Halving.identity(survivor).toMap()).containsOnlyKeys("lr");
        assertThat(Halving.identity(new ADict().put("lr", 0.2))).isNotEqualTo(Halving.identity(sampled));
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new Halving(1.0, 1, Mode.MIN)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("strictly between 0 and 1, got 1.0");
        assertThatThrownBy(() -> new Halving(0.5, 0, Mode.MIN)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("at least 1, got 0");
    }
}
