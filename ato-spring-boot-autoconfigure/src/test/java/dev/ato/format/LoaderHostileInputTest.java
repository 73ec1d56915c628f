package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code _base_} chains and paths that are not config files fail with their own precise messages. */
class LoaderHostileInputTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void aDiamondThirtyLevelsDeepLoadsEachFileOnce() throws Exception {
        write("l0.yaml", "v0: 0\n");
        for (int i = 1; i <= 30; i++) {
            // each level names the level below twice: 2^30 loads without memoising
            write("l" + i + ".yaml", "_base_: [l" + (i - 1) + ".yaml, l" + (i - 1) + ".yaml]\nv" + i + ": " + i + "\n");
        }
        long start = System.nanoTime();
        ADict cfg = ADict.loadMmConfig(dir.resolve("l30.yaml"));
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
        assertThat(cfg.size()).isEqualTo(31);
        assertThat(cfg.get("v0")).isEqualTo(0);
        assertThat(cfg.get("v30")).isEqualTo(30);
    }

    @Test
    void baseLoadsCountTowardTheExpansionLimit() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            big.append("k").append(i).append(": ").append(i).append('\n');
        }
        write("big.yaml", big.toString());
        write("top.yaml", "_base_: [big.yaml, big.yaml, big.yaml]\n");
        try {
            Limits.install(Limits.defaults().withMaxExpansion(250));
            assertThatThrownBy(() -> ADict.loadMmConfig(dir.resolve("top.yaml"))).isInstanceOf(AtoLimitException.class)
                    .hasMessageStartingWith(dir.resolve("top.yaml").toString())
                    .hasMessageContaining("the _base_ chain (1 files, big.yaml last) expands to more than 250 values")
                    .hasMessageContaining("ato.limits.max-expansion=250");
        } finally {
            Limits.install(Limits.defaults());
        }
    }

    @Test
    void aCycleNamesTheChain() throws Exception {
        write("a.yaml", "_base_: b.yaml\n");
        write("b.yaml", "_base_: c.py\n");
        write("c.py", "_base_ = ['a.yaml']\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(dir.resolve("a.yaml"))).isInstanceOf(AtoConfigException.class)
                .hasMessage("_base_ cycle: " + dir.resolve("a.yaml") + " -> " + dir.resolve("b.yaml") + " -> "
                        + dir.resolve("c.py") + " -> " + dir.resolve("a.yaml") + "; a config cannot inherit from itself");
    }

    @Test
    void aBaseOutsideTheConfigsFolderIsAnErrorNamingIt() throws Exception {
        write("secret.yaml", "token: x\n");
        Path exp = write("configs/exp.yaml", "_base_: ../secret.yaml\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(exp)).isInstanceOf(AtoConfigException.class)
                .hasMessage(exp + ": _base_ '../secret.yaml' is outside " + dir.resolve("configs") + " (it resolves to "
                        + dir.resolve("secret.yaml").toRealPath() + "); a base must stay in the config's folder, or"
                        + " pass the root that allows it: ADict.loadMmConfig(file, root)");
        Path absolute = write("configs/abs.yaml", "_base_: " + dir.resolve("secret.yaml") + "\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(absolute)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("_base_ '" + dir.resolve("secret.yaml") + "' is outside");
        // a root the caller names allows it
        assertThat(ADict.loadMmConfig(exp, dir).get("token")).isEqualTo("x");
        // a symbolic link inside the folder cannot lead out of it
        Path link = dir.resolve("configs/link.yaml");
        Files.createSymbolicLink(link, dir.resolve("secret.yaml"));
        Path viaLink = write("configs/via.yaml", "_base_: link.yaml\n");
        assertThatThrownBy(() -> ADict.loadMmConfig(viaLink)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("_base_ 'link.yaml' is outside");
        // bases in subfolders are inside
        write("configs/base/model.yaml", "depth: 50\n");
        assertThat(ADict.loadMmConfig(write("configs/ok.yaml", "_base_: base/model.yaml\n")).get("depth"))
                .isEqualTo(50);
    }

    @Test
    void aDirectoryIsNotAConfigFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("conf.yaml"));
        assertThatThrownBy(() -> ADict.load(folder)).isInstanceOf(AtoConfigException.class)
                .hasMessage(folder + ": is a directory, not a config file; name a file in it");
        assertThatThrownBy(() -> ADict.load(dir.resolve("missing.yaml"))).isInstanceOf(AtoConfigException.class)
                .hasMessage(dir.resolve("missing.yaml") + ": no such config file");
    }

    @Test
    void aSymbolicLinkLoopAndADanglingLinkHaveTheirOwnMessages() throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> ADict.load(a)).isInstanceOf(AtoConfigException.class)
                .hasMessage(a + ": is a symbolic link loop; point the link at a file");
        Path dangling = dir.resolve("dangling.yaml");
        Files.createSymbolicLink(dangling, dir.resolve("gone.yaml"));
        assertThatThrownBy(() -> ADict.load(dangling)).isInstanceOf(AtoConfigException.class)
                .hasMessage(dangling + ": is a symbolic link to a missing file (" + dir.resolve("gone.yaml") + ")");
    }

    @Test
    void aFifoOrDeviceIsNotReadNorWaitedOn() throws Exception {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "needs /dev/null (a POSIX system)");
        assertThatThrownBy(() -> ADict.load(Path.of("/dev/zero.yaml").resolveSibling("null")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("unknown config file extension");
        Path fifo = dir.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");
        assertThatThrownBy(() -> ADict.load(fifo)).isInstanceOf(AtoConfigException.class)
                .hasMessage(fifo + ": is not a regular file (a FIFO, device or socket); a config must be a file");
        Path deviceLink = dir.resolve("dev.yaml");
        Files.createSymbolicLink(deviceLink, device);
        assertThatThrownBy(() -> ADict.load(deviceLink)).isInstanceOf(AtoConfigException.class)
                .hasMessage(deviceLink + ": is not a regular file (a FIFO, device or socket); a config must be a file");
    }
}
