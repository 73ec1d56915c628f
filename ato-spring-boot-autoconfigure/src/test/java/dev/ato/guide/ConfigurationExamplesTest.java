package dev.ato.guide;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import dev.ato.scope.AppliedView;
import dev.ato.scope.Manual;
import dev.ato.scope.MultiScope;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import dev.ato.scope.ViewKind;
import dev.ato.scope.ViewOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The scope examples of docs/configuration.md, run for real: views, deferred blocks, MultiScope, the manual and
 * provenance, with the output the page shows.
 */
class ConfigurationExamplesTest {

    private static Scope trainScope() {
        Scope train = new Scope("train");
        train.observe("defaults", ViewOptions.defaults().defaultView(true), c -> {
            c.set("lr", 0.01);
            c.set("epochs", 10);
            c.set("optimizer", "sgd");
        });
        train.observe("adam", ViewOptions.defaults().priority(1), c -> {
            c.set("optimizer", "adam");
            c.set("lr", 0.001);
        });
        train.observe("scaled", ViewOptions.defaults(), (c, context) -> {
            c.set("batch_size", 32);
            context.defer(d -> d.set("lr", d.getDouble("lr") * d.getInt("batch_size") / 32));
        });
        train.manual(docs -> docs.set("lr", "learning rate"));
        return train;
    }

    @Test
    void aDeferredBlockSeesTheCommandLine() {
        Resolution r = trainScope().resolve(List.of("adam", "scaled", "batch_size=64"));

        assertThat(r.config().toString()).isEqualTo("""
                lr: 0.002
                epochs: 10
                optimizer: adam
                batch_size: 64""");
    }

    @Test
    void historyOriginAndAppliedViewsExplainAValue() {
        Resolution r = trainScope().resolve(List.of("adam", "scaled", "batch_size=64"));

        assertThat(r.history("lr").stream().map(o -> o.describe() + " -> " + o.value()).toList()).containsExactly(
                "view 'defaults' -> 0.01",
                "view 'adam' -> 0.001",
                "deferred block of view 'scaled' -> 0.002");
        assertThat(r.origin("lr").describe()).isEqualTo("deferred block of view 'scaled'");
        assertThat(r.appliedViews()).extracting(AppliedView::name, AppliedView::kind, AppliedView::priority)
                .containsExactly(
                        tuple("defaults", ViewKind.DEFAULT, 0),
                        tuple("scaled", ViewKind.REQUESTED, 0),
                        tuple("adam", ViewKind.REQUESTED, 1));
    }

    @Test
    void theManualIsPythonAtosText() {
        assertThat(Manual.render(trainScope())).isEqualTo("""
                --------------------------------------------------
                [Scope "train"]
                (The Applying Order of Views)
                defaults → scaled → adam → (CLI Inputs) → print
                (User Manuals)
                lr: learning rate
                --------------------------------------------------
                """);
    }

    @Test
    void theDetailedManualShowsEveryStep() {
        assertThat(Manual.renderDetailed(trainScope())).isEqualTo("""
                --------------------------------------------------
                [Scope "train"]
                (The Applying Order of Views)
                 1. defaults                 default view         priority 0
                 2. scaled                   named view           priority 0
                 3. adam                     named view           priority 1
                 4. (External Properties)    input
                 5. (CLI Inputs)             input
                 6. (Deferred Blocks)        views' deferred blocks, in view order
                (User Manuals)
                lr: learning rate
                --------------------------------------------------
                """);
    }

    @Test
    void severalScopesTakePrefixedInput() {
        Scope train = trainScope();
        Scope model = new Scope("model");
        model.observe("defaults", ViewOptions.defaults().defaultView(true), c -> c.set("depth", 50));
        model.observe("debug", ViewOptions.defaults(), c -> c.set("depth", 2));
        train.observe("debug", ViewOptions.defaults(), c -> c.set("epochs", 1));

        Map<String, Resolution> both = new MultiScope(model, train)
                .resolve(List.of("debug", "model.depth=18", "train.lr=0.5"));

        assertThat(both.get("model").config().toMap()).isEqualTo(Map.of("depth", 18));
        assertThat(both.get("train").config().toMap()).isEqualTo(Map.of("lr", 0.5, "epochs", 1, "optimizer", "sgd"));
        assertThatThrownBy(() -> new MultiScope(model, train).resolve(List.of("lr=0.5")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("command-line literal #0 'lr=0.5' names no scope: with several scopes a key starts with"
                        + " its scope's name (scopes: model, train, e.g. model.lr=0.5)");
    }

    @Test
    void aMistypedViewIsAnErrorWithADidYouMean() {
        assertThatThrownBy(() -> trainScope().resolve(List.of("adma")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("command-line token #0 'adma' is not a view of scope 'train' (views: defaults, adam,"
                        + " scaled); did you mean 'adam'?; a value is written name=value");
    }

    @Test
    void aRemovedKeyHasNoOriginButAHistory() {
        Scope scope = new Scope("train");
        scope.observe("defaults", ViewOptions.defaults().defaultView(true), c -> c.set("lr", 0.1).set("tmp", 1));
        scope.observe("cleanup", ViewOptions.defaults(), c -> c.remove("tmp"));

        Resolution r = scope.resolve(List.of("cleanup"));

        assertThat(r.history("tmp")).extracting(Origin::describe).containsExactly("view 'defaults'", "view 'cleanup' removed it");
        assertThatThrownBy(() -> r.origin("tmp"))
                .isInstanceOf(AtoKeyException.class)
                .hasMessage("'tmp' is not in the resolved config of scope 'train': view 'cleanup' removed it"
                        + " (see history(\"tmp\"))");
        assertThat(r.config().contains("tmp")).isFalse();
    }
}
