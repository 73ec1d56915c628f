package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import dev.ato.cli.CliParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code .py} configs and the command line read literals with one reader: the same forms and the same limits. */
class PyLiteralLimitsTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void theSameLiteralReadsTheSameInAPyFileAndOnTheCommandLine() throws Exception {
        String literal = "[0x1F, 0o17, 0b101, 1_000, -2.5e3, 'a\\x41\\u00e9\\tb', (1,), (2), {'k': None}, 9223372036854775807]";
        ADict cfg = ADict.loadMmConfig(write("forms.py", "v = " + literal + "\n"));
        assertThat(cfg.get("v")).isEqualTo(CliParser.parseValue(literal));
        assertThat(cfg.getList("v")).containsExactly(31, 15, 5, 1000, -2500.0, "aA\u00e9\tb", List.of(1), 2,
                ADict.of(java.util.Map.of("k", "")).set("k", null), Long.MAX_VALUE);
    }

    @Test
    void anIntegerBeyond64BitsIsTheSameErrorInBoth() throws Exception {
        Path big = write("big.py", "n = 123456789012345678901234567890\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(big)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("big.py:1: integer 123456789012345678901234567890 does not fit in 64 bits");
    }

    @Test
    void nestingThousandsDeepIsALimitErrorNotAStackOverflow() throws Exception {
        Path deep = write("deep.py", "a = 1\nmodel = dict(layers=" + "[".repeat(5000) + "]".repeat(5000) + ")\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(deep)).isInstanceOf(AtoLimitException.class)
                .hasMessageStartingWith(deep + " at line 2, column 520, key 'model.layers[0][0]")
                .hasMessageEndingWith("nesting deeper than 500 levels (limit ato.limits.max-depth=500;"
                        + " raise it if this input is meant)");
    }

    @Test
    void aMillionDigitIntegerFailsFastAndIsNotRepeated() throws Exception {
        Path digits = write("digits.py", "lr = 0.1\nseed = " + "9".repeat(1_000_000) + "\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> ADict.loadMmConfig(digits)).isInstanceOf(AtoLimitException.class)
                .hasMessage(digits + " at line 2, column 8, key 'seed': a number of 1000000 digits is longer than"
                        + " 1000 digits (limit ato.limits.max-number-digits=1000; raise it if this input is meant)");
        assertThat(System.nanoTime() - start).as("fails fast").isLessThan(2_000_000_000L);
    }

    @Test
    void doublingAListByNamesIsBoundedByTheExpansionLimit() throws Exception {
        StringBuilder py = new StringBuilder("x = [1, 2]\n");
        for (int i = 0; i < 39; i++) {
            py.append("x = [x, x]\n");
        }
        Path doubling = write("doubling.py", py.toString());
        long start = System.nanoTime();
        assertThatThrownBy(() -> ADict.loadMmConfig(doubling)).isInstanceOf(AtoLimitException.class)
                .hasMessageContaining(doubling + " at line ")
                .hasMessageContaining("key 'x[")
                .hasMessageContaining("the value expands to more than 1000000 values"
                        + " (limit ato.limits.max-expansion=1000000");
        assertThat(System.nanoTime() - start).as("bounded time").isLessThan(5_000_000_000L);
        StringBuilder dicts = new StringBuilder("d = dict(a=1)\n");
        for (int i = 0; i < 39; i++) {
            dicts.append("d = dict(left=d, right=d)\n");
        }
        Path dictDoubling = write("dicts.py", dicts.toString());
        assertThatThrownBy(() -> ADict.loadMmConfig(dictDoubling)).isInstanceOf(AtoLimitException.class)
                .hasMessageContaining("ato.limits.max-expansion");
    }

    @Test
    void namesAreCopiesSoMergingIntoOneDoesNotChangeTheOther() throws Exception {
        ADict cfg = ADict.loadMmConfig(write("alias.py", "a = [dict(k=1)]\nb = a\n"));
        ((ADict) cfg.getList("b").get(0)).put("k", 2);
        assertThat(((ADict) cfg.getList("a").get(0)).get("k")).isEqualTo(1);
    }
}
