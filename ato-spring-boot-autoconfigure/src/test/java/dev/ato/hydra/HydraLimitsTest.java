package dev.ato.hydra;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile and careless Hydra input fails with one {@link HydraException} (an {@link AtoConfigException}) naming
 * where and, for a limit, which limit and its property: defaults-list cycles, deep defaults chains, deeply nested
 * overrides and interpolations, and interpolations that double a value level after level. Never a
 * StackOverflowError, never minutes of work or an out-of-memory error.
 */
class HydraLimitsTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private void file(String name, String content) throws Exception {
        ConfigTree.write(dir, name, content);
    }

    private HydraException failure(List<String> overrides) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                Hydra.composition(dir, "config", overrides).resolve(ZonedDateTime.now(), Map.of());
            } catch (HydraException e) {
                return e;
            }
            throw new AssertionError("composition should have failed");
        });
    }

    @Test
    void aConfigThatIncludesItselfIsACycleNamingTheChain() throws Exception {
        file("config.yaml", "defaults:\n  - config\n  - _self_\nx: 1\n");
        HydraException e = failure(List.of());
        assertThat(e.kind()).isEqualTo(HydraException.Kind.COMPOSITION);
        assertThat(e.getMessage()).contains("includes itself: config -> config");
    }

    @Test
    void aCycleThroughGroupsNamesEveryConfigOfTheChain() throws Exception {
        file("config.yaml", "defaults:\n  - model: a\n  - _self_\n");
        file("model/a.yaml", "defaults:\n  - /data: b\n");
        file("data/b.yaml", "defaults:\n  - /model@other: a\n");
        HydraException e = failure(List.of());
        assertThat(e.getMessage()).contains("model/a -> data/b -> model/a");
        assertThat(e.source()).isEqualTo("model/a.yaml");
    }

    @Test
    void aDefaultsChainDeeperThanTheDepthLimitFailsNamingTheLimit() throws Exception {
        int depth = Limits.current().maxDepth() + 5;
        file("config.yaml", "defaults:\n  - c/c0\n");
        for (int i = 0; i < depth; i++) {
            file("c/c" + i + ".yaml", "defaults:\n  - c" + (i + 1) + "\nv" + i + ": " + i + "\n");
        }
        file("c/c" + depth + ".yaml", "end: true\n");
        HydraException e = failure(List.of());
        assertThat(e.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(e.getCause()).isInstanceOf(AtoLimitException.class);
        assertThat(e.getMessage()).contains(Limits.MAX_DEPTH).contains(String.valueOf(Limits.current().maxDepth()))
                .contains("included from 'config'");
    }

    @Test
    void aDeeplyNestedCommandLineOverrideFailsNamingThePositionAndTheLimit() throws Exception {
        file("config.yaml", "x: 1\n");
        String deep = "+y=" + "[".repeat(50_000) + "]".repeat(50_000);
        HydraException e = failure(List.of(deep));
        assertThat(e.kind()).isEqualTo(HydraException.Kind.LIMIT);
        int limit = Limits.current().maxDepth();
        assertThat(e.getMessage()).contains("position " + (3 + limit)).contains(Limits.MAX_DEPTH)
                .contains(String.valueOf(limit)).contains("100003 characters");
        assertThat(e.getMessage().length()).isLessThan(600);
        // within the limit it is an ordinary nested list
        assertThat(Hydra.compose(dir, "config", List.of("+y=[[[1]]]")).toMap())
                .containsEntry("y", List.of(List.of(List.of(1))));
        // dicts count too
        assertThat(failure(List.of("+y=" + "{a:".repeat(10_000) + "1" + "}".repeat(10_000))).kind())
                .isEqualTo(HydraException.Kind.LIMIT);
    }

    @Test
    void deeplyNestedInterpolationsFailNamingTheKeyAndTheLimit() throws Exception {
        String nested = "${".repeat(20_000) + "a" + "}".repeat(20_000);
        file("config.yaml", "a: 1\nb: '" + nested + "'\n");
        HydraException e = failure(List.of());
        assertThat(e.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(e.keyPath()).isEqualTo("b");
        assertThat(e.getMessage()).contains("config.yaml").contains("position").contains(Limits.MAX_DEPTH);
    }

    @Test
    void aLongChainOfReferencesFailsNamingTheLimitNotAStackOverflow() throws Exception {
        // a0 refers to a1, which refers to a2...: resolving a0 walks the whole chain at once
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            yaml.append('a').append(i).append(": ${a").append(i + 1).append("}\n");
        }
        yaml.append("a5000: 1\n");
        file("config.yaml", yaml.toString());
        HydraException e = failure(List.of());
        assertThat(e.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(e.getMessage()).contains("chain of").contains(Limits.MAX_DEPTH);
        // a short chain resolves
        file("config.yaml", "a0: 1\na1: ${a0}\na2: ${a1}\n");
        assertThat(Hydra.compose(dir, "config", List.of()).toMap()).containsEntry("a2", 1);
    }

    @Test
    void aStringDoubledByInterpolation39TimesIsStoppedByTheStringLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("s0: ab\n");
        for (int i = 1; i <= 39; i++) {
            yaml.append('s').append(i).append(": ${s").append(i - 1).append("}${s").append(i - 1).append("}\n");
        }
        file("config.yaml", yaml.toString());
        HydraException e = failure(List.of());
        assertThat(e.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(e.getMessage()).contains(Limits.MAX_STRING_LENGTH)
                .contains(String.valueOf(Limits.current().maxStringLength()));
        // the key that crossed the limit: s_k has 2 * 2^k characters, more than 16 Mi first at s24
        assertThat(e.keyPath()).isEqualTo("s24");
    }

    @Test
    void aListDoubledByInterpolation39TimesIsStoppedByTheExpansionLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("l0: [1]\n");
        for (int i = 1; i <= 39; i++) {
            yaml.append('l').append(i).append(": [\"${l").append(i - 1).append("}\", \"${l").append(i - 1)
                    .append("}\"]\n");
        }
        file("config.yaml", yaml.toString());
        HydraException e = failure(List.of());
        assertThat(e.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(e.getMessage()).contains(Limits.MAX_EXPANSION)
                .contains(String.valueOf(Limits.current().maxExpansion()));
    }

    @Test
    void limitsAreTheProcessWideOnes() throws Exception {
        Limits before = Limits.current();
        try {
            Limits.install(before.withMaxDepth(6));
            file("config.yaml", "x: 1\n");
            assertThat(Hydra.compose(dir, "config", List.of("+y=[[[1]]]")).toMap()).containsKey("y");
            HydraException e = failure(List.of("+y=[[[[[[[1]]]]]]]"));
            assertThat(e.getMessage()).contains("nesting deeper than 6 levels").contains(Limits.MAX_DEPTH)
                    .contains("position 9");
        } finally {
            Limits.install(before);
        }
    }

    /** Hydra reads YAML through format.TreeReader, so its limits and error shapes are the ones ADict.load has. */
    @Test
    void yamlFilesGetTheSharedReadersLimitsNamingFileAndProperty() throws Exception {
        file("config.yaml", "a:\n  b: " + "1".repeat(Limits.current().maxNumberDigits() + 5) + "\n");
        HydraException digits = failure(List.of());
        assertThat(digits.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(digits.getMessage()).contains("config.yaml").contains(Limits.MAX_NUMBER_DIGITS);
        // a long numeral that is no number of YAML 1.1 stays a string
        file("config.yaml", "a: " + "1".repeat(2000) + "x\n");
        assertThat(Hydra.compose(dir, "config", List.of()).toMap()).containsEntry("a", "1".repeat(2000) + "x");

        file("config.yaml", "a: " + "[".repeat(Limits.current().maxDepth() + 1) + "\n");
        HydraException deep = failure(List.of());
        assertThat(deep.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(deep.getMessage()).contains("config.yaml").contains(Limits.MAX_DEPTH);

        // 2,000 aliases of a 1,000-item anchor: 2,000,000 values, as in TreeReaderTest.anAliasBombStopsAtTheExpansionLimit
        file("config.yaml", "a: &a [" + "x, ".repeat(999) + "x]\nb: [" + "*a, ".repeat(1999) + "*a]\n");
        HydraException bomb = failure(List.of());
        assertThat(bomb.kind()).isEqualTo(HydraException.Kind.LIMIT);
        assertThat(bomb.getMessage()).contains(Limits.MAX_EXPANSION);
    }
}
