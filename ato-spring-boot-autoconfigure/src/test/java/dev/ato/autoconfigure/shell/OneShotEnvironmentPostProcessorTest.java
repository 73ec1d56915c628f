package dev.ato.autoconfigure.shell;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-shot Ato command starts like a CLI; anything else starts as the application configured it. */
class OneShotEnvironmentPostProcessorTest {

    private static StandardEnvironment environment(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        if (args.length > 0) {
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        }
        new OneShotEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void anAtoCommandWordMakesALazyQuietApplicationWithoutWebServer() {
        StandardEnvironment environment = environment("--ato.sqlite.path=x.db", "runs", "best");
        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(environment.getProperty("spring.main.lazy-initialization")).isEqualTo("true");
        assertThat(environment.getProperty("logging.level.root")).isEqualTo("warn");
    }

    @Test
    void theDashboardCommandServesItsOwnServerSoTheAppStartsNone() {
        assertThat(environment("dashboard", "--port", "0").getProperty("spring.main.web-application-type"))
                .isEqualTo("none");
    }

    @Test
    void aCommandsTraceOptionDoesNotTurnOnBootsTraceLogging() {
        assertThat(environment("runs", "similar", "1", "--trace", "train-step").getProperty("trace"))
                .isEqualTo("false");
        assertThat(environment("manual", "--debug").getProperty("debug")).isEqualTo("false");
        assertThat(environment("high_lr", "--trace").getProperty("trace")).isEmpty();
        StandardEnvironment appDebug = new StandardEnvironment();
        appDebug.getPropertySources().addFirst(new SimpleCommandLinePropertySource("manual"));
        appDebug.getPropertySources().addLast(new MapPropertySource("application.properties", Map.of("debug", "true")));
        new OneShotEnvironmentPostProcessor().postProcessEnvironment(appDebug, new SpringApplication());
        assertThat(appDebug.getProperty("debug")).as("the application's own setting stays").isEqualTo("true");
    }

    @Test
    void noArgumentsViewNamesAndSwitchedOffLeaveTheApplicationAlone() {
        assertThat(environment().getPropertySources().contains(OneShotEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
        assertThat(environment("high_lr", "lr=1").getPropertySources()
                .contains(OneShotEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
        assertThat(environment("--ato.shell.lazy-one-shot=false", "manual")
                .getProperty("spring.main.lazy-initialization")).isNull();
        assertThat(environment("--ato.shell.enabled=false", "manual").getPropertySources()
                .contains(OneShotEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
    }
}
