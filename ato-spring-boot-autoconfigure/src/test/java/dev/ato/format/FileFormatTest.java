package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileFormatTest {

    @TempDir
    Path dir;

    private static ADict sample() {
        return new ADict().set("lr", 0.1).set("model", new ADict().set("name", "r50").set("depth", 50))
                .set("tags", List.of("a", "b")).set("big", 5_000_000_000L).set("on", true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c.json", "c.yaml", "c.yml", "c.toml", "c.xyz"})
    void everyFormatRoundTripsByExtension(String name) {
        Path file = dir.resolve(name);
        sample().dump(file);
        assertThat(ADict.load(file)).isEqualTo(sample());
    }

    @Test
    void yamlIsReadWithTheYaml12CoreSchema() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "lr: 1e-3\nt: 12:30\noff: off\n");
        ADict d = ADict.load(file);
        assertThat(d.get("lr")).isEqualTo(0.001);
        assertThat(d.get("t")).isEqualTo("12:30");
        assertThat(d.get("off")).isEqualTo("off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad.json|{\"a\": 1,\n \"b\": }|bad.json:2", "bad.yaml|a: 1\n b: [1, 2\n|bad.yaml:",
            "bad.toml|a = 1\nb = = 2\n|bad.toml:2"})
    void malformedFilesNameTheFileAndLine(String spec) throws Exception {
        String[] parts = spec.split("\\|");
        Path file = dir.resolve(parts[0]);
        Files.writeString(file, parts[1]);
        assertThatThrownBy(() -> ADict.load(file)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining(parts[2]).hasMessageContaining("malformed");
    }

    @Test
    void malformedXyzNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("bad.xyz");
        Files.writeString(file, "a:\n    b: 1\n  c: 2\n");
        assertThatThrownBy(() -> ADict.load(file)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("bad.xyz").hasMessageContaining("line 3");
    }

    @Test
    void missingFileAndUnknownExtensionAreClearErrors() throws Exception {
        assertThatThrownBy(() -> ADict.load(dir.resolve("none.yaml"))).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("none.yaml").hasMessageContaining("no such config file");
        Path ini = dir.resolve("c.ini");
        Files.writeString(ini, "a=1");
        assertThatThrownBy(() -> ADict.load(ini)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("c.ini").hasMessageContaining(".json .yaml .yml .toml .xyz");
        assertThatThrownBy(() -> sample().dump(dir.resolve("out.ini"))).isInstanceOf(AtoConfigException.class);
        assertThat(dir.resolve("out.ini")).doesNotExist();
    }

    @Test
    void topLevelMustBeAMapping() throws Exception {
        Path file = dir.resolve("list.json");
        Files.writeString(file, "[1, 2]");
        assertThatThrownBy(() -> ADict.load(file)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("list.json").hasMessageContaining("expected a mapping");
    }

    @Test
    void tomlCannotHoldNullAndTheFileIsLeftUntouched() throws Exception {
        Path file = dir.resolve("c.toml");
        Files.writeString(file, "keep = 1\n");
        ADict withNull = new ADict().set("a", null);
        assertThatThrownBy(() -> withNull.dump(file)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("TOML").hasMessageContaining("'a'");
        assertThat(Files.readString(file)).isEqualTo("keep = 1\n");
    }

    @Test
    void toStringIsTheXyzText() {
        assertThat(sample().toString()).isEqualTo(Xyz.dumps(sample()))
                .startsWith("lr: 0.1\nmodel:\n  name: r50\n  depth: 50\ntags:\n  0) a\n  1) b");
    }
}
