package dev.ato.autoconfigure.shell;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.Map;

/**
 * Keeps JLine quiet: with Spring Shell on the classpath and no terminal (a pipe, a CI job, a test), JLine warns
 * "Unable to create a system terminal" on every start. The starter sets {@code logging.level.org.jline=error} as a
 * default, the lowest-precedence source, so the application's own setting wins.
 */
class QuietShellEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "atoQuietShell";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ClassUtils.isPresent("org.jline.terminal.Terminal", application.getClassLoader())
                && !environment.getPropertySources().contains(SOURCE_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                    Map.of("logging.level.org.jline", "error")));
        }
    }
}
