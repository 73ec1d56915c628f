package dev.ato.autoconfigure;

import dev.ato.AtoLimitException;
import dev.ato.adict.ADict;
import dev.ato.adict.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ato.limits.*} are bound and installed as the loaders' limits before any bean exists. */
class LimitsPropertiesTest {

    @AfterEach
    void restore() {
        Limits.install(Limits.defaults());
    }

    @Test
    void theDefaultsOfThePropertiesAreTheCoreDefaults() {
        assertThat(new AtoProperties.LoaderLimits().toLimits()).isEqualTo(Limits.defaults());
        assertThat(LimitsEnvironmentPostProcessor.bind(new StandardEnvironment())).isEqualTo(Limits.defaults());
    }

    @Test
    void propertiesAreBoundAndInstalled(@TempDir Path dir) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "ato.limits.max-depth", "40", "ato.limits.max-document-size", "1KB",
                "ato.limits.max-number-digits", "20", "ato.limits.max-expansion", "300",
                "ato.limits.max-string-length", "5000")));
        new LimitsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(Limits.current()).isEqualTo(new Limits(40, 1024, 20, 300, 5000));

        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"a\": \"" + "x".repeat(2000) + "\"}");
        assertThatThrownBy(() -> ADict.load(big)).isInstanceOf(AtoLimitException.class)
                .hasMessageContaining(big.toString())
                .hasMessageContaining("document of 2009 bytes is larger than 1024 bytes")
                .hasMessageContaining("ato.limits.max-document-size=1024");
    }

    /** The depth checks are recursive: a max-depth the thread stack cannot walk fails at start-up, naming -Xss. */
    @Test
    void aDepthBeyondWhatTheThreadStackCanWalkIsRefusedAtStartUp() {
        int tooDeep = Limits.DEFAULT_STACK_MAX_DEPTH * 3;
        assertThatThrownBy(() -> LimitsEnvironmentPostProcessor.checkStack(tooDeep, 1024))
                .isInstanceOf(dev.ato.AtoConfigException.class)
                .hasMessage("ato.limits.max-depth=" + tooDeep + " is deeper than a thread stack of 1024 KiB can walk"
                        + " (at most " + Limits.DEFAULT_STACK_MAX_DEPTH + " levels; the depth checks are recursive, "
                        + Limits.DEFAULT_STACK_MAX_DEPTH + " levels per MiB of stack): start the JVM with -Xss3m or more,"
                        + " or lower ato.limits.max-depth");
        // a larger stack allows proportionally more; the bound itself is allowed on the default stack
        LimitsEnvironmentPostProcessor.checkStack(tooDeep, 3 * 1024);
        LimitsEnvironmentPostProcessor.checkStack(Limits.DEFAULT_STACK_MAX_DEPTH, 1024);
        assertThat(LimitsEnvironmentPostProcessor.threadStackKiB()).isPositive();

        StandardEnvironment environment = new StandardEnvironment();
        long allowed = Limits.DEFAULT_STACK_MAX_DEPTH * LimitsEnvironmentPostProcessor.threadStackKiB() / 1024;
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("ato.limits.max-depth", String.valueOf(allowed + 1))));
        assertThatThrownBy(() -> new LimitsEnvironmentPostProcessor().postProcessEnvironment(environment,
                new SpringApplication())).hasMessageContaining("ato.limits.max-depth=" + (allowed + 1))
                .hasMessageContaining("-Xss");
        assertThat(Limits.current()).isEqualTo(Limits.defaults());
    }
}
