package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XyzTest {

    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "1e16, 1e+16", "1e-5, 1e-05", "123456789.0, 123456789.0", "1.5e300, 1.5e+300",
            "2e-7, 2e-07", "0.0001, 0.0001", "1234567890123456789.0, 1.2345678901234568e+18", "-0.0, -0.0",
            "1e22, 1e+22", "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
            "9007199254740993.0, 9007199254740992.0", "0.3, 0.3", "2.5e-5, 2.5e-05"})
    void floatsArePrintedAsPythonsRepr(double value, String python) {
        assertThat(PythonText.floatRepr(value)).isEqualTo(python);
    }

    @Test
    void floatsMatchCPythonReprOnRandomAndEdgeValues() throws Exception {
        List<String> lines;
        try (var in = XyzTest.class.getResourceAsStream("python-float-repr.txt")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
        }
        assertThat(lines).hasSizeGreaterThan(400);
        for (String line : lines) {
            String[] parts = line.split(" ");
            double d = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(PythonText.floatRepr(d)).as(parts[0]).isEqualTo(parts[1]);
        }
    }

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
}
