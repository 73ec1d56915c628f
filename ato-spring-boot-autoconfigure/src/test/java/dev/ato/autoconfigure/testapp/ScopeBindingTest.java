package dev.ato.autoconfigure.testapp;

import dev.ato.AtoFrozenException;
import dev.ato.adict.ADict;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two scopes resolved from the command line ({@code high_lr train.batch_size=64}) and an external property: the
 * Environment, {@code @Value}, {@code @ConfigurationProperties} and the injected ADicts agree with the resolution.
 */
@TwoScopeApp
class ScopeBindingTest {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    Trainer trainer;

    @Autowired
    TrainSettings train;

    @Autowired
    ModelSettings model;

    @Autowired
    Resolution trainResolution;

    @Autowired
    Scope modelScope;

    @Test
    void theEnvironmentHoldsTheResolvedValues() {
        assertThat(environment.getProperty("train.lr", Double.class)).isEqualTo(1.0);
        assertThat(environment.getProperty("train.batch_size", Integer.class)).isEqualTo(64);
        assertThat(environment.getProperty("train.optim.beta", Double.class)).isEqualTo(0.95);
        assertThat(environment.getProperty("train.steps", Integer.class)).isEqualTo(640);
        assertThat(environment.getProperty("model.name")).isEqualTo("resnet50");
    }

    @Test
    void aKeyALaterLayerRemovedIsAbsentEverywhere() {
        assertThat(trainResolution.history("dropout")).hasSize(2);
        assertThat(environment.containsProperty("train.dropout")).isFalse();
        assertThat(train.dropout()).isNull();
        assertThat(trainer.train().contains("dropout")).isFalse();
    }

    @Test
    void valueAndConfigurationPropertiesSeeTheFinalValuesWithRelaxedNames() {
        assertThat(trainer.lr()).isEqualTo(1.0);
        assertThat(train.batchSize()).isEqualTo(64);
        assertThat(train.optim()).isEqualTo(new TrainSettings.Optim("adam", 0.95));
        assertThat(train.steps()).isEqualTo(640);
        assertThat(model.layers()).containsExactly(1, 2, 3);
    }

    @Test
    void adictsAreInjectedFrozenByParameterNameAndByQualifier() {
        assertThat(trainer.train().isFrozen()).isTrue();
        assertThat(trainer.train().toMap()).isEqualTo(trainResolution.config().toMap());
        assertThat(trainer.model().getString("name")).isEqualTo("resnet50");
        assertThatThrownBy(() -> trainer.train().set("lr", 2.0)).isInstanceOf(AtoFrozenException.class);
        assertThat(modelScope.views()).containsOnlyKeys("base", "resnet101");
    }

    @Test
    void oneSourcePerLayerInMergeOrderAheadOfEveryOtherSource() {
        List<String> names = environment.getPropertySources().stream().map(PropertySource::getName)
                .filter(name -> !name.equals("server.ports")) // added once the server runs: only local.server.port
                .toList();
        List<String> ato = names.stream().filter(n -> n.startsWith("ato:")).toList();
        assertThat(names.subList(0, ato.size())).isEqualTo(ato);
        assertThat(ato).as("by precedence: the last layer of the last scope first").containsExactly(
                "ato:train:4:lazy_view:steps", "ato:train:3:cli:cli", "ato:train:2:external:external",
                "ato:train:1:view:high_lr", "ato:train:0:view:defaults", "ato:model:0:view:base");
        assertThat(environment.getPropertySources().get("ato:train:0:view:defaults").getProperty("train.lr"))
                .isEqualTo(0.1);
        assertThat(environment.getPropertySources().get("ato:train:0:view:defaults")
                .containsProperty("train.dropout")).isFalse();
    }

    @Test
    void theExternalLayerComesFromOtherSpringSources() {
        assertThat(trainResolution.origin("optim.beta").describe())
                .isEqualTo("external property from 'Inlined Test Properties'");
        assertThat(trainResolution.origin("batch_size").describe()).contains("command-line literal");
    }
}
