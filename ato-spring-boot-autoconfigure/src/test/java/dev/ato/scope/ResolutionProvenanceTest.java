package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolutionProvenanceTest {

    private static Scope trainingScope() {
        Scope scope = new Scope("config", ADict.of(Map.of("seed", 7)));
        scope.observe("defaults", ViewOptions.defaults().defaultView(true), c -> {
            c.set("lr", 0.001);
            c.set("model", Map.of("name", "resnet50", "depth", 50));
            c.set("tmp", "scratch");
        });
        scope.observe("high_lr", ViewOptions.defaults().priority(1), c -> c.set("lr", 0.01));
        scope.observe("cleanup", ViewOptions.defaults().priority(2), c -> c.remove("tmp"));
        scope.observe("scale", ViewOptions.defaults().lazy(true).defaultView(true), c -> c.set("steps", c.getInt("epochs") * 10));
        return scope;
    }

    @Test
    void everyLayerThatWroteAKeyIsInItsHistoryOldestFirst() {
        Resolution r = trainingScope().resolve(List.of("high_lr", "lr=0.5", "epochs=3"),
                List.of(new ExternalProperty("lr", 0.2, "application.yml")));

        assertThat(r.history("lr")).extracting(Origin::kind, Origin::name, Origin::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LayerKind.VIEW, "defaults", 0.001),
                org.assertj.core.groups.Tuple.tuple(LayerKind.VIEW, "high_lr", 0.01),
                org.assertj.core.groups.Tuple.tuple(LayerKind.EXTERNAL, "application.yml", 0.2),
                org.assertj.core.groups.Tuple.tuple(LayerKind.CLI, "lr=0.5", 0.5));
        Origin lr = r.origin("lr");
        assertThat(lr.index()).isEqualTo(1);
        assertThat(lr.describe()).isEqualTo("command-line literal #1 'lr=0.5'");
        assertThat(r.origin("seed").kind()).isEqualTo(LayerKind.BASE);
        assertThat(r.origin("steps")).extracting(Origin::kind, Origin::name, Origin::value)
                .containsExactly(LayerKind.LAZY_VIEW, "scale", 30);
        assertThat(r.origin("model.depth").name()).isEqualTo("defaults");
        assertThat(r.config().getDouble("lr")).isEqualTo(0.5);
    }

    @Test
    void deletionsAreInTheHistoryAndInTheLayers() {
        Resolution r = trainingScope().resolve(List.of("cleanup", "epochs=1"));

        assertThat(r.config().contains("tmp")).isFalse();
        assertThat(r.history("tmp")).extracting(Origin::removed, Origin::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, "defaults"),
                        org.assertj.core.groups.Tuple.tuple(true, "cleanup"));
        assertThatThrownBy(() -> r.origin("tmp")).isInstanceOf(AtoKeyException.class)
                .hasMessageContaining("view 'cleanup' removed it");
        Layer cleanup = r.layers().stream().filter(l -> l.name().equals("cleanup")).findFirst().orElseThrow();
        assertThat(cleanup.removed()).containsExactly("tmp");
        assertThat(cleanup.values()).isEmpty();
    }

    @Test
    void layersReplayedInOrderGiveTheResolvedConfig() {
        Resolution r = trainingScope().resolve(List.of("cleanup", "high_lr", "model=%vit%", "epochs=2"));

        assertThat(r.layers()).extracting(Layer::name, Layer::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base", LayerKind.BASE),
                org.assertj.core.groups.Tuple.tuple("defaults", LayerKind.VIEW),
                org.assertj.core.groups.Tuple.tuple("high_lr", LayerKind.VIEW),
                org.assertj.core.groups.Tuple.tuple("cleanup", LayerKind.VIEW),
                org.assertj.core.groups.Tuple.tuple("cli", LayerKind.CLI),
                org.assertj.core.groups.Tuple.tuple("scale", LayerKind.LAZY_VIEW));
        Layer cli = r.layers().get(4);
        assertThat(cli.removed()).containsExactlyInAnyOrder("model.name", "model.depth");
        assertThat(cli.values()).containsEntry("model", "vit").containsEntry("epochs", 2);

        java.util.Map<String, Object> replayed = new java.util.LinkedHashMap<>();
        for (Layer layer : r.layers()) {
            layer.removed().forEach(replayed::remove);
            replayed.putAll(layer.values());
        }
        assertThat(replayed).isEqualTo(flatten(r.config()));
    }

    @Test
    void theOriginOfADictIsItsNewestWrite() {
        Scope scope = new Scope("config", ADict.auto());
        scope.observe("a", ViewOptions.defaults().defaultView(true), c -> c.set("optim.name", "sgd"));
        Resolution r = scope.resolve(List.of("optim.lr=0.1"));

        assertThat(r.origin("optim").kind()).isEqualTo(LayerKind.CLI);
        assertThat(r.history("optim")).extracting(Origin::key).containsExactly("optim.name", "optim.lr");
        assertThatThrownBy(() -> r.history("optm")).isInstanceOf(AtoKeyException.class)
                .hasMessageContaining("did you mean 'optim");
    }

    @Test
    void aLiteralThatRepeatsTheCurrentValueIsStillAWrite() {
        Scope scope = new Scope("config");
        scope.observe("d", ViewOptions.defaults().defaultView(true), c -> c.set("lr", 0.1));
        Resolution r = scope.resolve(List.of("lr=0.1"));

        assertThat(r.origin("lr").kind()).isEqualTo(LayerKind.CLI);
        assertThat(r.history("lr")).hasSize(2);
    }

    @Test
    void listsAreSnapshotsNotLiveReferences() {
        Scope scope = new Scope("config");
        scope.observe("a", ViewOptions.defaults().defaultView(true), c -> c.set("seq", List.of(1)));
        scope.observe("b", ViewOptions.defaults().defaultView(true).priority(1), c -> c.getList("seq").add(2));
        Resolution r = scope.resolve(List.of());

        assertThat(r.history("seq")).extracting(Origin::value).containsExactly(List.of(1), List.of(1, 2));
    }

    @Test
    void changesDeepInsideUntouchedNodesAreSeen() {
        Scope scope = new Scope("config", ADict.auto());
        scope.observe("a", ViewOptions.defaults().defaultView(true), c -> {
            c.set("train.optim.lr", 0.1);
            c.set("train.optim.betas", List.of(0.9));
            c.set("data.size", 10);
        });
        // the nodes above each change keep their own entries, so only what changed inside may be recorded
        scope.observe("b", ViewOptions.defaults().defaultView(true).priority(1), c -> {
            c.child("train").child("optim").set("lr", 0.2);
            c.getList("train.optim.betas").add(0.99);
        });
        scope.observe("c", ViewOptions.defaults().defaultView(true).priority(2), c -> c.set("data.size", 10));
        Resolution r = scope.resolve(List.of());

        assertThat(r.layers()).extracting(Layer::values).containsExactly(
                Map.of(),
                Map.of("train.optim.lr", 0.1, "train.optim.betas", List.of(0.9), "data.size", 10),
                Map.of("train.optim.lr", 0.2, "train.optim.betas", List.of(0.9, 0.99)),
                Map.of());
    }

    @Test
    void externalPropertiesNameTheirSourceAndApplyBeforeLiterals() {
        Scope scope = new Scope("config");
        Resolution r = scope.resolve(List.of("b=2"), List.of(new ExternalProperty("a.x", 1, "env"),
                new ExternalProperty("b", 1, "application.yml")));

        assertThat(r.origin("a.x")).extracting(Origin::kind, Origin::name).containsExactly(LayerKind.EXTERNAL, "env");
        assertThat(r.origin("b").kind()).isEqualTo(LayerKind.CLI);
        assertThat(r.config().toMap()).isEqualTo(Map.of("a", Map.of("x", 1), "b", 2));
    }

    @Test
    void fingerprintsTravelWithTheResolution() throws Exception {
        Scope scope = new Scope("config");
        scope.trace("step", ResolutionProvenanceTest.class.getDeclaredMethod("flatten", ADict.class));
        Resolution r = scope.resolve(List.of());
        Fingerprint runtime = r.traceRuntime("loss", Map.of("b", 1, "a", 2));

        assertThat(r.fingerprints()).extracting(Fingerprint::traceId, Fingerprint::traceType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("step", "static"),
                        org.assertj.core.groups.Tuple.tuple("loss", "runtime"));
        assertThat(runtime.hash()).isEqualTo(Fingerprints.ofValue(new java.util.TreeMap<>(Map.of("a", 2, "b", 1))));
        assertThat(scope.resolve(List.of()).fingerprints()).hasSize(1);
    }

    @Test
    void aFailingLiteralNamesItselfAndTheScope() {
        Scope scope = new Scope("config");
        scope.observe("d", ViewOptions.defaults().defaultView(true), c -> c.set("a", 5));
        assertThatThrownBy(() -> scope.resolve(List.of("a.b=1")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("command-line literal #0 'a.b=1' of scope 'config'")
                .hasMessageContaining("not a dict");
    }

    static Map<String, Object> flatten(ADict config) {
        Map<String, Object> flat = new java.util.LinkedHashMap<>();
        flattenInto("", config, flat);
        return flat;
    }

    private static void flattenInto(String prefix, ADict dict, Map<String, Object> flat) {
        dict.forEach((k, v) -> {
            if (v instanceof ADict child) {
                flattenInto(prefix + k + ".", child, flat);
            } else {
                flat.put(prefix + k, v);
            }
        });
    }

    @Test
    void keysRemovedBetweenLayersAreNotLeftInTheReplay() {
        Scope scope = new Scope("config");
        scope.observe("a", ViewOptions.defaults().defaultView(true), c -> c.set("x", 1));
        scope.observe("b", ViewOptions.defaults().defaultView(true).priority(1), c -> c.set("x", Map.of("y", 2)));
        Resolution r = scope.resolve(List.of());
        assertThat(r.layers().get(1).removed()).isEqualTo(Set.of("x"));
        assertThat(r.layers().get(1).values()).isEqualTo(Map.of("x.y", 2));
        assertThat(r.origin("x").name()).isEqualTo("b");
    }

    @Test
    void reorderedAndRemovedKeysInTheMiddleAreSeenExactly() {
        Scope scope = new Scope("config");
        scope.observe("a", ViewOptions.defaults().defaultView(true), c -> {
            c.set("x", 1).set("y", 2).set("z", 3).set("w", List.of(1));
        });
        scope.observe("b", ViewOptions.defaults().defaultView(true).priority(1), c -> {
            c.remove("y");
            c.remove("x");
            c.set("x", 1); // same value, now after z: no change to report
            c.set("v", 5);
            c.set("z", 4);
        });
        Resolution r = scope.resolve(List.of());

        Layer b = r.layers().get(1);
        assertThat(b.removed()).containsExactly("y");
        assertThat(b.values()).containsOnly(Map.entry("z", 4), Map.entry("v", 5));
        assertThat(r.origin("x").name()).isEqualTo("a");
        Map<String, Object> replayed = new java.util.LinkedHashMap<>();
        for (Layer layer : r.layers()) {
            layer.removed().forEach(replayed::remove);
            replayed.putAll(layer.values());
        }
        assertThat(replayed).isEqualTo(flatten(r.config()));
    }

    @Test
    void aLiteralOverriddenByALaterLiteralOnItsParentLeavesNoStaleKey() {
        Resolution r = new Scope("config").resolve(List.of("a.b=1", "a=5"));

        Layer cli = r.layers().get(0);
        assertThat(cli.values()).isEqualTo(Map.of("a", 5));
        assertThat(r.origin("a").index()).isEqualTo(1);
    }
}
