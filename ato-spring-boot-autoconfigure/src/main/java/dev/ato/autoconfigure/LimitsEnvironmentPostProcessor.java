package dev.ato.autoconfigure;

import dev.ato.adict.Limits;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Installs {@code ato.limits.*} as the process-wide {@link Limits#current()} as soon as the environment is ready,
 * before any bean (the application's own included) loads a config. An application without {@code ato.limits.*}
 * gets {@link Limits#defaults()}.
 */
class LimitsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Limits.install(bind(environment));
    }

    static Limits bind(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("ato.limits", AtoProperties.LoaderLimits.class)
                .map(AtoProperties.LoaderLimits::toLimits).orElseGet(Limits::defaults);
    }
}
