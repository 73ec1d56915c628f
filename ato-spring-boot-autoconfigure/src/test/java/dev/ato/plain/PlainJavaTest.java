package dev.ato.plain;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADict, Scope and Hydra.compose work without Spring: {@link PlainJavaMain} runs in a forked JVM whose class path is
 * only Ato's compiled classes, Jackson (with its YAML/TOML readers) and ASM — what a user who does not use the
 * Spring parts needs, the other dependencies of the autoconfigure artifact being optional for them.
 */
class PlainJavaTest {

    @Test
    void adictScopeAndHydraRunOnAClassPathWithoutSpring() throws Exception {
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of(dev.ato.adict.ADict.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        classPath.add(location(PlainJavaMain.class));
        List<String> libraries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> {
                    String name = Path.of(entry).getFileName().toString();
                    return name.startsWith("jackson-") || name.startsWith("snakeyaml") || name.startsWith("asm-");
                }).toList();
        assertThat(libraries).as("Jackson and ASM jars").anyMatch(j -> j.contains("jackson-databind"))
                .noneMatch(j -> j.contains("spring"));
        classPath.addAll(libraries);
        Path conf = Path.of(PlainJavaTest.class.getResource("/dev/ato/plain/conf/config.yaml").toURI()).getParent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", String.join(File.pathSeparator, classPath),
                PlainJavaMain.class.getName(), conf.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("no Spring on the class path")
                .contains("adict 18 0.1 " + PlainJavaMain.config().structuralHash())
                .contains("scope adam 0.5")
                .contains("hydra postgresql 5432 0.2");
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
