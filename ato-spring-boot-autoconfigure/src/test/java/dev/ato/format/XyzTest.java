package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XyzTest {

    @Test
    void loadsReadsBackWhatDumpsWritesForRandomTrees() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            ADict tree = randomDict(random, 0);
            assertThat(Xyz.loads(Xyz.dumps(tree))).as(Xyz.dumps(tree)).isEqualTo(tree.isEmpty() ? new ADict() : tree);
        }
    }

    @Test
    void multiLineTextAndDeeperIndentationReadBack() {
        ADict tree = new ADict().set("a", "first\nsecond line").set("b", 1);
        assertThat(Xyz.loads(Xyz.dumps(tree))).isEqualTo(tree);
        assertThat(Xyz.loads("a:\n    b: 1\n\n    c:\n        d: -2\ne: inf"))
                .isEqualTo(ADict.auto().set("a.b", 1).set("a.c.d", -2).set("e", Double.POSITIVE_INFINITY));
    }

    @Test
    void inconsistentIndentationIsAnErrorWithTheLine() {
        assertThatThrownBy(() -> Xyz.loads("a:\n    b: 1\n  c: 2")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("line 3").hasMessageContaining("  c: 2");
        assertThatThrownBy(() -> Xyz.loads("a: 1\n  b: 2")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("deeper");
        assertThatThrownBy(() -> Xyz.loads("a: 1\n0) 2")).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("line 2").hasMessageContaining("list item among dict keys");
    }

    private static ADict randomDict(Random random, int depth) {
        ADict dict = new ADict();
        int n = random.nextInt(depth > 2 ? 3 : 5);
        for (int i = 0; i < n; i++) {
            dict.put("k" + random.nextInt(1000) + (random.nextBoolean() ? "_x" : ""), randomValue(random, depth + 1));
        }
        return dict;
    }

    private static Object randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 6 : 8)) {
            case 0:
                return random.nextInt() - (random.nextBoolean() ? 0 : Integer.MAX_VALUE);
            case 1:
                double d = Double.longBitsToDouble(random.nextLong());
                return Double.isNaN(d) ? 0.5 : d;
            case 2:
                return random.nextBoolean();
            case 3:
                return null;
            case 4:
            case 5:
                return randomText(random);
            case 6:
                return randomDict(random, depth);
            default:
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
        }
    }

    /** Text that does not look like a number, bool or None (XYZ is unquoted, so those cannot read back as text). */
    private static String randomText(Random random) {
        String alphabet = "abc xyz:)(-.,/é中";
        while (true) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            if (text.equals(XyzReader.scalar(text))) {
                return text;
            }
        }
    }

    @Test
    void nestingFiveThousandLevelsIsALimitErrorNotAStackOverflow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        text.append(" ".repeat(5000)).append("leaf: 1\n");
        java.nio.file.Path file = dir.resolve("deep.xyz");
        java.nio.file.Files.writeString(file, text);
        assertThatThrownBy(() -> ADict.load(file)).isInstanceOf(AtoLimitException.class)
                .hasMessageStartingWith(file + " at line 501, key 'k0.k1.k2.")
                .hasMessageContaining("nesting deeper than 500 levels (limit ato.limits.max-depth=500");
    }

    @Test
    void duplicateKeysAndIndexesNameBothLines() {
        assertThatThrownBy(() -> Xyz.loads("a: 1\nb: 2\na: 3")).isInstanceOf(AtoConfigException.class)
                .hasMessage("XYZ line 3 ('a: 3'): duplicate key 'a' (first at line 1, again at line 3)");
        assertThatThrownBy(() -> Xyz.loads("0) x\n0) y")).isInstanceOf(AtoConfigException.class)
                .hasMessage("XYZ line 2 ('0) y'): duplicate list index 0 (first at line 1, again at line 2)");
    }

    @Test
    void aMillionDigitNumberFailsFastAndIsNotRepeated() {
        String digits = "7".repeat(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Xyz.loads("seed: " + digits)).isInstanceOf(AtoLimitException.class)
                .hasMessage("XYZ text at line 1, key 'seed': a number of 1000000 digits is longer than 1000 digits"
                        + " (limit ato.limits.max-number-digits=1000; raise it if this input is meant)");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    /** Found by XyzFuzzTest: a huge list index allocated that many None entries (minutes and gigabytes). */
    @Test
    void aHugeListIndexIsBoundedByTheExpansionLimit() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Xyz.loads("99999999) x\n) x")).isInstanceOf(AtoLimitException.class)
                .hasMessage("XYZ text at line 1: list index 99999999 expands to more than 1000000 values"
                        + " (limit ato.limits.max-expansion=1000000; raise it if this input is meant)");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(Xyz.loads("2) x")).isEqualTo(java.util.Arrays.asList(null, null, "x"));
    }
}
