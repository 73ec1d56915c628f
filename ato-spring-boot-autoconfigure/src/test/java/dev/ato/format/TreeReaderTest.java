package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;
import dev.ato.hyperopt.SearchSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One reader for JSON, YAML and TOML: YAML's anchors and merges, duplicate keys, and the limits. */
class TreeReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aliasesLoadTheAnchoredValueAndMergeKeysMerge() throws Exception {
        Path file = write("anchors.yaml", """
                base: &b
                  lr: 0.1
                  layers: [1, 2]
                exp: *b
                name: &n resnet
                again: *n
                tuned:
                  <<: *b
                  lr: 0.01
                first: &f {a: 1, b: 1}
                both:
                  b: 2
                  <<: *f
                  c: 3
                """);
        ADict cfg = ADict.load(file);
        assertThat(cfg.get("exp")).isEqualTo(cfg.get("base"));
        assertThat(cfg.get("exp.lr")).isEqualTo(0.1);
        assertThat(cfg.get("again")).isEqualTo("resnet");
        assertThat(cfg.child("tuned").toMap()).isEqualTo(Map.of("lr", 0.01, "layers", List.of(1, 2)));
        assertThat(cfg.contains("tuned.<<")).isFalse();
        // the mapping's own keys win over merged ones, wherever the merge key stands
        assertThat(cfg.child("both").toMap()).isEqualTo(Map.of("a", 1, "b", 2, "c", 3));
        // Jackson's anchor replaying merges one alias per merge key; a list of aliases is a clear error
        assertThatThrownBy(() -> ADict.load(write("list.yaml", "f: &f {a: 1}\ns: &s {b: 2}\nm:\n  <<: [*f, *s]\n")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("list.yaml:4")
                .hasMessageContaining("'<<'");
    }

    @Test
    void mmConfigAndSearchSpacesSeeTheSameResolvedAliases() throws Exception {
        Path file = write("space.yaml", """
                lr: &lr {param_type: FLOAT, param_range: [0.001, 0.1], num_samples: 3, space_type: LOG}
                head_lr: *lr
                """);
        assertThat(ADict.loadMmConfig(file).get("head_lr.num_samples")).isEqualTo(3);
        SearchSpace space = SearchSpace.from(ADict.load(file));
        assertThat(space.names()).containsExactly("lr", "head_lr");
        assertThat(space.values().get("head_lr")).isEqualTo(space.values().get("lr"));
    }

    @Test
    void duplicateKeysAreAnErrorNamingBothLinesInEveryFormat() throws Exception {
        assertThatThrownBy(() -> ADict.load(write("d.yaml", "a: 1\nb:\n  c: 1\n  c: 2\n")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage(dir.resolve("d.yaml") + ":4: duplicate key 'b.c' (first at line 3, again at line 4);"
                        + " each key may appear once per mapping");
        assertThatThrownBy(() -> ADict.load(write("d.json", "{\"a\": 1,\n \"a\": 2}")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("d.json:2: duplicate key 'a' (first at line 1, again at line 2)");
        assertThatThrownBy(() -> ADict.load(write("d.toml", "a = 1\na = 2\n")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("d.toml")
                .hasMessageContaining("a");
        assertThatThrownBy(() -> ADict.load(write("d.xyz", "a: 1\na: 2\n")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("duplicate key 'a'")
                .hasMessageContaining("line 1").hasMessageContaining("line 2");
    }

    @Test
    void anAliasBombStopsAtTheExpansionLimit() throws Exception {
        // wide: 2,000 aliases of a 1,000-item anchor would be 2,000,000 values
        String wide = "a: &a [" + "x, ".repeat(999) + "x]\nb: [" + "*a, ".repeat(1999) + "*a]\n";
        Path bomb = write("bomb.yaml", wide);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ADict.load(bomb)).isInstanceOf(AtoLimitException.class)
                .hasMessageStartingWith(bomb + " at line ")
                .hasMessageContaining("key 'b[")
                .hasMessageContaining("the document (with its aliases) expands to more than 1000000 values")
                .hasMessageContaining("ato.limits.max-expansion=1000000");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
        // deep: anchors of aliases of anchors; Jackson's replaying parser stops an anchor beyond 9,999 events
        StringBuilder deep = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            deep.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        Path laughs = write("laughs.yaml", deep.toString());
        assertThatThrownBy(() -> ADict.load(laughs)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining(laughs.toString()).hasMessageContaining("too many events to replay");
    }

    @Test
    void aFiftyMegabyteScalarIsRejectedBeforeParsing() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write("a: ".getBytes());
            file.write("x".repeat(1 << 20).getBytes());
            file.setLength(50L << 20);
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> ADict.load(big)).isInstanceOf(AtoLimitException.class)
                .hasMessage(big + ": document of 52428800 bytes is larger than 16777216 bytes"
                        + " (limit ato.limits.max-document-size=16777216; raise it if this input is meant)");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThatThrownBy(() -> FileFormat.YAML.read("a: " + "x".repeat(17 << 20), "text"))
                .isInstanceOf(AtoLimitException.class).hasMessageStartingWith("text: document of ");
    }

    @Test
    void deepNestingIsALimitErrorWithItsKeyPath() throws Exception {
        Path json = write("deep.json", "{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertThatThrownBy(() -> ADict.load(json)).isInstanceOf(AtoLimitException.class)
                .hasMessageStartingWith(json + " at line 1, column 506, key 'a[0][0]")
                .hasMessageContaining("nesting deeper than 500 levels (limit ato.limits.max-depth=500");
        Path yaml = write("deep.yaml", "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThatThrownBy(() -> ADict.load(yaml)).isInstanceOf(AtoLimitException.class)
                .hasMessageContaining("ato.limits.max-depth=500");
    }

    @Test
    void aLongNumberIsALimitErrorThatDoesNotRepeatIt() throws Exception {
        Path json = write("n.json", "{\"seed\": " + "9".repeat(100_000) + "}");
        assertThatThrownBy(() -> ADict.load(json)).isInstanceOf(AtoLimitException.class)
                .hasMessage(json + " at line 1, column 10, key 'seed': a number of 100000 digits is longer than 1000"
                        + " digits (limit ato.limits.max-number-digits=1000; raise it if this input is meant)");
        Path yaml = write("n.yaml", "seed: " + "9".repeat(100_000) + "\n");
        assertThatThrownBy(() -> ADict.load(yaml)).isInstanceOf(AtoLimitException.class)
                .hasMessageContaining("key 'seed'").hasMessageContaining("ato.limits.max-number-digits");
    }

    @Test
    void hydraStyleTypingOfPlainScalarsCanBePassedIn() {
        Object tree = TreeReader.read(FileFormat.YAML, "a: yes\nb: 'yes'\nc: *x\n".replace("c: *x\n", "c: 010\n"),
                "t.yaml", Limits.defaults(), s -> s.equals("yes") ? Boolean.TRUE : s.equals("010") ? 8 : s);
        assertThat(tree).isEqualTo(Map.of("a", true, "b", "yes", "c", 8));
    }
}
