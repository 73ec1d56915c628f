package dev.ato.guide;

import dev.ato.AtoConfigException;
import dev.ato.AtoFrozenException;
import dev.ato.AtoKeyException;
import dev.ato.adict.ADict;
import dev.ato.cli.CliArgument;
import dev.ato.cli.CliParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain-Java examples of docs/getting-started.md and docs/configuration.md, run for real: each test is one
 * example, and asserts the output the page shows, so a change of behaviour breaks the build, not the docs.
 */
class GettingStartedExamplesTest {

    @Test
    void aConfigIsANestedDottedPathMap() {
        ADict config = ADict.auto();
        config.set("model.name", "resnet50").set("model.depth", 50).set("train.lr", 0.1);

        assertThat(config.getInt("model.depth")).isEqualTo(50);
        assertThat(config.child("model").keySet()).containsExactly("name", "depth");
        assertThat(config.toString()).isEqualTo("""
                model:
                  name: resnet50
                  depth: 50
                train:
                  lr: 0.1""");
    }

    @Test
    void aMissingKeyNamesTheSegmentAndTheKeysThere() {
        ADict config = ADict.auto();
        config.set("model.name", "resnet50").set("model.depth", 50);

        assertThatThrownBy(() -> config.get("model.width"))
                .isInstanceOf(AtoKeyException.class)
                .hasMessage("no key 'width' in 'model' while reading 'model.width' (keys there: name, depth)");
    }

    @Test
    void updateReplacesTopLevelKeysAndMergeRecurses() {
        ADict config = ADict.of(Map.of("model", Map.of("name", "resnet50", "depth", 50)));

        ADict updated = config.copy().update(Map.of("model", Map.of("depth", 101)));
        ADict merged = config.copy().merge(Map.of("model", Map.of("depth", 101)));

        assertThat(updated.toMap()).isEqualTo(Map.of("model", Map.of("depth", 101)));
        assertThat(merged.toMap()).isEqualTo(Map.of("model", Map.of("name", "resnet50", "depth", 101)));
    }

    @Test
    void aFrozenConfigRefusesWrites() {
        ADict config = ADict.of(Map.of("train", Map.of("lr", 0.1))).freeze();

        assertThatThrownBy(() -> config.set("train.lr", 0.5))
                .isInstanceOf(AtoFrozenException.class)
                .hasMessage("cannot write 'train.lr': the config is frozen (defrost() or copy() it first)");
    }

    @Test
    void theStructuralHashDependsOnKeysAndTypesNotValues() {
        ADict a = ADict.of(Map.of("lr", 0.1, "epochs", 10));
        ADict b = ADict.of(Map.of("lr", 0.5, "epochs", 99));
        ADict c = ADict.of(Map.of("lr", 0.1, "epochs", "10"));

        assertThat(a.structuralHash()).isEqualTo(b.structuralHash()).isNotEqualTo(c.structuralHash());
        assertThat(a.structuralHash()).isEqualTo("c40f9d4a3908afbe687dcf85d411bdd2cd8e5d7b");
    }

    @Test
    void filesRoundTripByExtension(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("train.yaml");
        Files.writeString(yaml, """
                model:
                  name: resnet50
                lr: 1e-3
                epochs: 10
                """);

        ADict loaded = ADict.load(yaml);
        loaded.dump(dir.resolve("train.toml"));

        assertThat(loaded.getDouble("lr")).isEqualTo(0.001);
        assertThat(Files.readString(dir.resolve("train.toml"))).isEqualTo("""
                model.name = 'resnet50'
                lr = 0.001
                epochs = 10
                """);
        assertThat(ADict.load(dir.resolve("train.toml"))).isEqualTo(loaded);
    }

    @Test
    void typedConfigsAreOneCallAway() {
        record Train(int epochs, double lr) {
        }
        ADict config = ADict.of(Map.of("epochs", 10, "lr", 0.001, "comment", "ignored"));

        assertThat(config.bind(Train.class)).isEqualTo(new Train(10, 0.001));
    }

    @Test
    void commandLineLiteralsAreParsedNeverEvaluated() {
        assertThat(CliParser.parseValue("1e-3")).isEqualTo(0.001);
        assertThat(CliParser.parseValue("True")).isEqualTo(true);
        assertThat(CliParser.parseValue("[1, 2, 3]")).isEqualTo(List.of(1, 2, 3));
        assertThat(CliParser.parseValue("%hello world%")).isEqualTo("hello world");
        assertThat(CliParser.parseValue("resnet50")).isEqualTo("resnet50");
        assertThat(CliParser.parseValue("y=1")).isEqualTo("y=1");
    }

    @Test
    void aCommandLineSplitsIntoViewNamesAndAssignments() {
        List<CliArgument> arguments = CliParser.parseArguments(
                List.of("fast", "train.lr=0.01", "model.layers=[64,", "32]", "note=%a b%"));

        assertThat(arguments).containsExactly(
                new CliArgument.ViewName("fast", 0),
                new CliArgument.Assignment("train.lr", 0.01, "0.01", 1),
                new CliArgument.Assignment("model.layers", List.of(64, 32), "[64, 32]", 2),
                new CliArgument.Assignment("note", "a b", "%a b%", 3));
    }

    @Test
    void aMalformedLiteralIsQuotedWithACaret() {
        assertThatThrownBy(() -> CliParser.parseArguments(List.of("lr=[0.1,")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("""
                        Malformed command-line token #0 at position 3: unbalanced '[': no closing ']'
                            lr=[0.1,
                               ^
                          hint: close it with ']', or wrap the value in %...% to make it a string""");
    }
}
