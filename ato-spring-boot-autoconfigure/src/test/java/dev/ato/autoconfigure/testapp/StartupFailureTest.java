package dev.ato.autoconfigure.testapp;

import dev.ato.autoconfigure.scope.InvalidAtoInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Bad Ato input on the command line stops the application before any bean exists, with exit code 2. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    private static Throwable start(String... args) {
        return catchThrowable(() -> new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE)
                .properties("ato.sqlite.path=target/testapp/failure.db", "spring.main.banner-mode=off")
                .run(args));
    }

    @Test
    void aMalformedLiteralFailsWithExitCodeTwoBeforeAnyBeanIsCreated(CapturedOutput output) {
        int trainersBefore = Trainer.CREATED.get();
        Throwable failure = start("high_lr", "train.lr=[1,");
        assertThat(failure).isInstanceOf(InvalidAtoInputException.class).hasMessageContaining("[1,");
        assertThat(((InvalidAtoInputException) failure).getExitCode()).isEqualTo(2);
        assertThat(Trainer.CREATED.get()).as("no ordinary bean was built").isEqualTo(trainersBefore);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("[1,").contains("manual");
    }

    @Test
    void anUnknownViewNamesTheViewsThatExist() {
        Throwable failure = start("train.lr=1", "high_lrr");
        assertThat(failure).isInstanceOf(InvalidAtoInputException.class)
                .hasMessageContaining("high_lrr").hasMessageContaining("high_lr");
    }

    @Test
    void aWordThatIsNeitherViewNorCommandFailsTheSameWay() {
        Throwable failure = start("frobnicate");
        assertThat(failure).isInstanceOf(InvalidAtoInputException.class)
                .hasMessageContaining("'frobnicate' is neither a command nor a view");
    }
}
