package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StratifiedSplitTest {

    private static final List<Example<Label>> DIGITS = DigitsData.bundled().examples();

    @Test
    void everyDigitKeepsItsShareInValidationAndNothingIsLostOrShared() {
        StratifiedSplit split = StratifiedSplit.of(DIGITS, 0.2, 42);

        Map<String, Integer> all = countPerDigit(DIGITS);
        Map<String, Integer> held = countPerDigit(split.validation());
        all.forEach((digit, count) -> assertThat(held.get(digit)).as("digit %s", digit)
                .isEqualTo((int) Math.round(count * 0.2)));
        assertThat(split.train().size() + split.validation().size()).isEqualTo(DIGITS.size());
        Set<Example<Label>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.addAll(split.train());
        seen.addAll(split.validation());
        assertThat(seen).hasSize(DIGITS.size());
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        StratifiedSplit first = StratifiedSplit.of(DIGITS, 0.2, 42);
        StratifiedSplit again = StratifiedSplit.of(new ArrayList<>(DIGITS), 0.2, 42);
        StratifiedSplit other = StratifiedSplit.of(DIGITS, 0.2, 7);

        assertThat(positions(again.validation())).isEqualTo(positions(first.validation()));
        assertThat(positions(again.train())).isEqualTo(positions(first.train()));
        assertThat(positions(other.validation())).isNotEqualTo(positions(first.validation()));
        assertThat(countPerDigit(other.validation())).isEqualTo(countPerDigit(first.validation()));
    }

    @Test
    void aTinyFractionStillHoldsOutOneImageOfEachDigit() {
        StratifiedSplit split = StratifiedSplit.of(DIGITS, 0.001, 1);

        assertThat(countPerDigit(split.validation())).hasSize(10).allSatisfy((digit, count) ->
                assertThat(count).isEqualTo(1));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.5, Double.NaN})
    void aFractionOutsideZeroToOneIsRejected(double fraction) {
        assertThatThrownBy(() -> StratifiedSplit.of(DIGITS, fraction, 42))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("validationFraction must be between 0 and 1 (exclusive), got " + fraction);
    }

    @Test
    void aClassWithASingleImageCannotBeSplit() {
        List<Example<Label>> lonely = new ArrayList<>(DIGITS.stream().filter(e -> !isNine(e)).toList());
        lonely.add(DIGITS.stream().filter(StratifiedSplitTest::isNine).findFirst().orElseThrow());

        assertThatThrownBy(() -> StratifiedSplit.of(lonely, 0.2, 42))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("class '9' has 1 example; a stratified split needs at least 2 per class");
    }

    private static boolean isNine(Example<Label> example) {
        return example.getOutput().getLabel().equals("9");
    }

    private static Map<String, Integer> countPerDigit(List<Example<Label>> examples) {
        Map<String, Integer> counts = new TreeMap<>();
        examples.forEach(e -> counts.merge(e.getOutput().getLabel(), 1, Integer::sum));
        return counts;
    }

    /** Where each example sits in the original data, so splits compare by identity. */
    private static List<Integer> positions(List<Example<Label>> part) {
        Map<Example<Label>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < DIGITS.size(); i++) {
            index.put(DIGITS.get(i), i);
        }
        return part.stream().map(index::get).toList();
    }
}
