package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TrainingSettingsTest {

    static Stream<Arguments> badSettings() {
        return Stream.of(
                arguments((Supplier<TrainingSettings>) () -> settings(0.0, 20, 16, 0.0, 0.2),
                        "learningRate must be a positive number, got 0.0"),
                arguments((Supplier<TrainingSettings>) () -> settings(-0.1, 20, 16, 0.0, 0.2),
                        "learningRate must be a positive number, got -0.1"),
                arguments((Supplier<TrainingSettings>) () -> settings(Double.NaN, 20, 16, 0.0, 0.2),
                        "learningRate must be a positive number, got NaN"),
                arguments((Supplier<TrainingSettings>) () -> settings(Double.POSITIVE_INFINITY, 20, 16, 0.0, 0.2),
                        "learningRate must be a positive number, got Infinity"),
                arguments((Supplier<TrainingSettings>) () -> settings(0.1, 0, 16, 0.0, 0.2),
                        "epochs must be at least 1, got 0"),
                arguments((Supplier<TrainingSettings>) () -> settings(0.1, 20, 0, 0.0, 0.2),
                        "minibatchSize must be at least 1, got 0"),
                arguments((Supplier<TrainingSettings>) () -> settings(0.1, 20, 16, -1e-4, 0.2),
                        "l2 must be a number >= 0, got -1.0E-4"),
                arguments((Supplier<TrainingSettings>) () -> settings(0.1, 20, 16, 0.0, 1.0),
                        "validationFraction must be between 0 and 1 (exclusive), got 1.0"),
                arguments((Supplier<TrainingSettings>) () -> new TrainingSettings(0.1, null, 20, 16, 0, 1, 0.2),
                        "optimiser is missing; expected one of sgd, momentum, adagrad, adam, rmsprop"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void aValueOutOfRangeIsOneErrorNamingTheSettingAndTheValue(Supplier<TrainingSettings> create, String message) {
        assertThatThrownBy(create::get).isInstanceOf(AtoConfigException.class).hasMessage(message);
    }

    @Test
    void defaultsAreValidAndEpochsCanBeReplaced() {
        TrainingSettings defaults = TrainingSettings.defaults();

        assertThat(defaults.withEpochs(3)).isEqualTo(new TrainingSettings(defaults.learningRate(),
                defaults.optimiser(), 3, defaults.minibatchSize(), defaults.l2(), defaults.seed(),
                defaults.validationFraction()));
        assertThatThrownBy(() -> defaults.withEpochs(0)).isInstanceOf(AtoConfigException.class);
    }

    @Test
    void optimisersAreFoundByTheirConfigNameInAnyCase() {
        for (Optimiser optimiser : Optimiser.values()) {
            assertThat(Optimiser.named(optimiser.configName().toUpperCase())).isSameAs(optimiser);
        }
        assertThat(Optimiser.named(" adam ")).isSameAs(Optimiser.ADAM);
        assertThatThrownBy(() -> Optimiser.named("adamw"))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("unknown optimiser 'adamw'; expected one of sgd, momentum, adagrad, adam, rmsprop");
    }

    private static TrainingSettings settings(double learningRate, int epochs, int minibatchSize, double l2,
                                             double validationFraction) {
        return new TrainingSettings(learningRate, Optimiser.SGD, epochs, minibatchSize, l2, 42, validationFraction);
    }
}
