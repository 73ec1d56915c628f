package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MmConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void pyConfigIsReadAsLiteralsWithReferencesToEarlierAndInheritedNames() throws Exception {
        write("base/model.py", """
                # a comment
                norm = dict(type='BN', requires_grad=True)
                model = dict(
                    type="ResNet",  # trailing comment
                    depth=50,
                    norm_cfg=norm,
                    stages=(1, 2, 3),
                )
                lr = 1e-2
                """);
        Path exp = write("exp.py", """
                _base_ = ['base/model.py']
                model = dict(depth=101, head={'num_classes': 10, 'loss': None})
                schedule = [lr, -3, .5, 1_000, False, (7), (8,), ()]
                """);
        ADict cfg = ADict.loadMmConfig(exp);
        assertThat(cfg.get("model.depth")).isEqualTo(101);
        assertThat(cfg.get("model.type")).isEqualTo("ResNet");
        assertThat(cfg.get("model.norm_cfg.type")).isEqualTo("BN");
        assertThat(cfg.get("model.stages")).isEqualTo(List.of(1, 2, 3));
        assertThat(cfg.get("model.head")).isEqualTo(ADict.of(Map.of("num_classes", 10)).set("loss", null));
        assertThat(cfg.get("schedule")).isEqualTo(List.of(0.01, -3, 0.5, 1000, false, 7, List.of(8), List.of()));
        assertThat(cfg.contains("_base_")).isFalse();
    }

    @Test
    void pyConfigOutsideTheLiteralSubsetIsAnErrorNamingFileAndLine() throws Exception {
        Path calls = write("calls.py", "a = 1\nb = open('x').read()\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(calls)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("calls.py:2").hasMessageContaining("only literals");
        Path imports = write("imports.py", "import os\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(imports)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("imports.py:1").hasMessageContaining("assignment");
        Path unknown = write("unknown.py", "a = dict(\n  x=undefined_name)\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(unknown)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("unknown.py:2").hasMessageContaining("'undefined_name' is not assigned");
        Path expr = write("expr.py", "a = 1 + 2\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(expr)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("expr.py:1");
    }

    @Test
    void baseCycleIsAnErrorNamingTheChain() throws Exception {
        write("a.yaml", "_base_: b.yaml\nx: 1\n");
        write("b.yaml", "_base_: [a.yaml]\ny: 2\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(dir.resolve("a.yaml"))).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("_base_ cycle").hasMessageContaining("a.yaml -> ")
                .hasMessageContaining("b.yaml -> ");
    }

    @Test
    void deleteFalseMergesAndDeleteNeverAppearsInTheResult() throws Exception {
        write("base.yaml", "opt:\n  type: sgd\n  lr: 0.1\n");
        Path exp = write("exp.yaml", "_base_: base.yaml\nopt:\n  _delete_: false\n  lr: 0.01\n"
                + "sched:\n  _delete_: true\n  inner:\n    _delete_: true\n    k: 1\n");
        ADict cfg = ADict.loadMmConfig(exp);
        assertThat(cfg.get("opt")).isEqualTo(new ADict().set("type", "sgd").set("lr", 0.01));
        assertThat(cfg.get("sched")).isEqualTo(new ADict().set("inner", Map.of("k", 1)));
        Path bad = write("bad.yaml", "_base_: base.yaml\nopt:\n  _delete_: yes please\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(bad)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("opt._delete_").hasMessageContaining("true (replace) or false (merge)");
    }

    @Test
    void basesAreRelativeToTheFileNamingThem() throws Exception {
        write("configs/_base_/sched.json", "{\"epochs\": 12}");
        write("configs/_base_/default.yaml", "_base_: sched.json\nseed: 0\n");
        Path exp = write("configs/exp/run.yaml", "_base_: ../_base_/default.yaml\nseed: 1\n");
        // OpenMMLab's layout reaches ../_base_: the caller names the configs folder as the root
        assertThat(ADict.loadMmConfig(exp, dir.resolve("configs")))
                .isEqualTo(new ADict().set("epochs", 12).set("seed", 1));
        assertThatThrownBy(() -> ADict.loadMmConfig(exp)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("_base_ '../_base_/default.yaml' is outside " + dir.resolve("configs/exp"));
    }
}
