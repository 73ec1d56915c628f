package dev.ato.adict;

import dev.ato.AtoConfigException;
import dev.ato.AtoFrozenException;
import dev.ato.AtoKeyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ADictTest {

    @Test
    void dottedPathsReadAndWriteNestedEntries() {
        ADict config = ADict.auto().set("model.backbone.depth", 50).set("lr", 0.1);
        assertThat(config.getInt("model.backbone.depth")).isEqualTo(50);
        assertThat(config.child("model").child("backbone").contains("depth")).isTrue();
        assertThat(config.keySet()).containsExactly("model", "lr");
        assertThat(config.remove("model.backbone.depth")).isEqualTo(50);
        assertThat(config.contains("model.backbone.depth")).isFalse();
    }

    @Test
    void plainADictDoesNotInventIntermediateNodes() {
        assertThatThrownBy(() -> new ADict().set("a.b", 1))
                .isInstanceOf(AtoKeyException.class).hasMessageContaining("'a'");
    }

    @Test
    void missingKeyErrorNamesTheSegmentAndWhatExists() {
        ADict config = ADict.of(Map.of("model", Map.of("name", "r50")));
        assertThatThrownBy(() -> config.get("model.depth"))
                .isInstanceOf(AtoKeyException.class)
                .hasMessageContaining("'depth'").hasMessageContaining("'model'").hasMessageContaining("name");
    }

    @Test
    void typedGettersWidenNumbersButNeverParseText() {
        ADict config = new ADict().set("n", 3).set("s", "3").set("x", 2.5);
        assertThat(config.getLong("n")).isEqualTo(3L);
        assertThat(config.getDouble("n")).isEqualTo(3.0);
        assertThatThrownBy(() -> config.getInt("s")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'s'").hasMessageContaining("Integer");
        assertThatThrownBy(() -> config.getInt("x")).isInstanceOf(AtoConfigException.class);
    }

    @Test
    void updateReplacesTopLevelWhileMergeRecurses() {
        ADict base = ADict.of(Map.of("optim", Map.of("name", "sgd", "lr", 0.1)));
        ADict replaced = base.copy().update(Map.of("optim", Map.of("lr", 0.5)));
        ADict merged = base.copy().merge(Map.of("optim", Map.of("lr", 0.5)));
        assertThat(replaced.contains("optim.name")).isFalse();
        assertThat(merged.getString("optim.name")).isEqualTo("sgd");
        assertThat(merged.getDouble("optim.lr")).isEqualTo(0.5);
        ADict filled = base.copy().updateIfAbsent(Map.of("optim", Map.of("lr", 9.0, "momentum", 0.9)));
        assertThat(filled.getDouble("optim.lr")).isEqualTo(0.1);
        assertThat(filled.getDouble("optim.momentum")).isEqualTo(0.9);
    }

    @Test
    void valuesAreDeepConverted() {
        ADict config = new ADict().set("layers", List.of(Map.of("size", 3))).set("dims", new int[] {1, 2})
                .set("f", 1.5f).set("big", 7L);
        assertThat(config.getList("layers").get(0)).isInstanceOf(ADict.class);
        assertThat(config.getList("dims")).containsExactly(1, 2);
        assertThat(config.get("f")).isEqualTo(1.5);
        assertThat(config.get("big")).isEqualTo(7);
    }

    @Test
    void frozenTreeRejectsWritesEverywhereAndLeaksNoMutableAlias() {
        ADict config = ADict.auto().set("a.b", 1).set("xs", new ArrayList<>(List.of(1, 2))).freeze();
        assertThatThrownBy(() -> config.set("a.b", 2)).isInstanceOf(AtoFrozenException.class).hasMessageContaining("a.b");
        assertThatThrownBy(() -> config.child("a").set("c", 2)).isInstanceOf(AtoFrozenException.class);
        assertThatThrownBy(() -> config.getList("xs").add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(config.copy().set("a.b", 2).getInt("a.b")).isEqualTo(2);
        assertThat(config.defrost().set("a.b", 3).getInt("a.b")).isEqualTo(3);
    }

    @Test
    void accessedKeysGiveTheMinimalConfig() {
        ADict config = ADict.auto().set("model.depth", 50).set("model.name", "r50").set("lr", 0.1).set("unused", 1);
        config.get("model.depth");
        config.getDouble("lr");
        assertThat(config.accessedKeys()).containsExactly("model.depth", "lr");
        assertThat(config.minimalConfig().toMap()).isEqualTo(Map.of("model", Map.of("depth", 50), "lr", 0.1));
    }

    @Test
    void leavesAreDottedPathsInKeyOrderWithoutEmptyDictsOrAccessRecords() {
        ADict config = ADict.auto().set("model.depth", 50).set("empty", Map.of()).set("xs", List.of(1)).set("lr", 0.1);
        assertThat(config.leaves()).containsExactly(Map.entry("model.depth", 50), Map.entry("xs", List.of(1)),
                Map.entry("lr", 0.1));
        assertThat(config.accessedKeys()).isEmpty();
        assertThatThrownBy(() -> config.leaves().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalityIsByContent() {
        assertThat(ADict.of(Map.of("a", Map.of("b", 1)))).isEqualTo(ADict.auto().set("a.b", 1));
        assertThat(ADict.of(Map.of("a", 1))).isNotEqualTo(ADict.of(Map.of("a", 2)));
    }

    @Test
    void structuralHashDependsOnKeysAndTypesNotValues() {
        ADict a = ADict.of(Map.of("lr", 0.1, "model", Map.of("depth", 50)));
        ADict b = ADict.of(Map.of("lr", 0.5, "model", Map.of("depth", 101)));
        ADict c = ADict.of(Map.of("lr", 1, "model", Map.of("depth", 50)));
        assertThat(a.structuralHash()).isEqualTo(b.structuralHash()).isNotEqualTo(c.structuralHash());
        assertThat(new ADict().structuralHash()).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    @Test
    void hashOrderIsByCodePointNotUtf16Unit() {
        String bmpHigh = "\uFFFF";
        String astral = "\uD83D\uDE00";
        assertThat(bmpHigh.compareTo(astral)).as("Java's UTF-16 order").isPositive();
        assertThat(StructuralHash.compareCodePoints(bmpHigh, astral)).as("Python's code point order").isNegative();
        assertThat(StructuralHash.compareCodePoints("a" + astral, "a" + astral + "b")).isNegative();
        assertThat(StructuralHash.canonical(new ADict().set(astral, 1).set(bmpHigh, 2)))
                .isEqualTo("[" + bmpHigh + ":int][" + astral + ":int]");
    }

    @Test
    void malformedPathsNameTheProblem() {
        ADict config = ADict.auto();
        for (String bad : List.of("a..b", ".a", "a.", ".")) {
            assertThatThrownBy(() -> config.set(bad, 1))
                    .isInstanceOf(AtoKeyException.class).hasMessageContaining("'" + bad + "' has an empty segment");
            assertThatThrownBy(() -> config.get(bad)).isInstanceOf(AtoKeyException.class);
        }
        assertThatThrownBy(() -> config.set("", 1))
                .isInstanceOf(AtoKeyException.class).hasMessageContaining("must not be empty");
        config.set("a.b.c", 1).set("x", 2);
        assertThat(config.get("a.b.c")).isEqualTo(1);
        assertThat(config.get("x")).isEqualTo(2);
        assertThat(config.contains("a.b")).isTrue();
        assertThat(config.contains("a.b.d")).isFalse();
        assertThat(config.keySet()).containsExactly("a", "x");
    }

    @Test
    void modificationCountMovesOnlyWhenTheNodesOwnEntriesChange() {
        ADict config = ADict.auto().set("model.depth", 50);
        ADict model = config.child("model");
        long root = config.modificationCount();
        long nested = model.modificationCount();

        config.get("model.depth");
        config.set("model.depth", 101);
        assertThat(config.modificationCount()).as("a nested write is the nested node's change").isEqualTo(root);
        assertThat(model.modificationCount()).isGreaterThan(nested);

        nested = model.modificationCount();
        config.set("lr", 0.1);
        assertThat(config.modificationCount()).isGreaterThan(root);
        for (Runnable change : List.<Runnable>of(() -> model.put("width", 2), () -> model.remove("width"),
                () -> model.update(Map.of("a", 1)), () -> model.merge(Map.of("b", 2)),
                () -> model.updateIfAbsent(Map.of("c", 3)), model::freeze, model::defrost)) {
            change.run();
            assertThat(model.modificationCount()).isGreaterThan(nested);
            nested = model.modificationCount();
        }
    }
}
