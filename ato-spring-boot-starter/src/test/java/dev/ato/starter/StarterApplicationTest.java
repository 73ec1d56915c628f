package dev.ato.starter;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** A Boot application with nothing but the starter gets Ato's beans, on the embedded SQLite file, without JPA. */
@SpringBootTest(properties = "ato.sqlite.path=target/starter-test/experiments.db")
class StarterApplicationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ADict config;

    @Test
    void theStarterAloneGivesScopesTrackerFinderAndHyperBand() {
        assertThat(context.getBean(AtoScopes.class).names()).containsExactly("config");
        assertThat(config.getInt("epochs")).isEqualTo(3);
        assertThat(context.getBean(Tracker.class)).isNotNull();
        assertThat(context.getBean(RunFinder.class).runsInProject("nothing")).isEmpty();
        assertThat(context.getBean(HyperBandService.class)).isNotNull();
        assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl()).startsWith("jdbc:sqlite:")
                .contains("target/starter-test/experiments.db");
        assertThat(ClassUtils.isPresent("jakarta.persistence.EntityManagerFactory", null))
                .as("the starter brings no JPA").isFalse();
    }

    @SpringBootApplication
    static class App {
    }

    /** The application's one view. */
    public static class Views {

        @AtoObserve(defaultView = true)
        void defaults(ADict config) {
            config.set("epochs", 3);
        }
    }
}
