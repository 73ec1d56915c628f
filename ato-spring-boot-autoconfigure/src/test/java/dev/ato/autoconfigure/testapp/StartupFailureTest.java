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
        assertThat(output.getErr()).startsWith("Error: Malformed command-line token #1").contains("[1,", "^", "hint:")
                .doesNotContain("APPLICATION FAILED TO START", "\tat ");
    }

    @Test
    void anUnknownViewNamesTheViewsThatExist() {
        Throwable failure = start("train.lr=1", "high_lrr");
        assertThat(failure).isInstanceOf(InvalidAtoInputException.class)
                .hasMessageContaining("high_lrr").hasMessageContaining("high_lr");
    }

    @Test
    void aWordThatIsNeitherViewNorCommandIsOneErrorBlockAndExitCodeTwo(CapturedOutput output) {
        var context = new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
                .properties("ato.sqlite.path=target/testapp/failure.db").run("frobnicate");
        assertThat(context.getBean(dev.ato.autoconfigure.shell.AtoShellRunner.class).getExitCode()).isEqualTo(2);
        assertThat(output.getErr()).startsWith("Error: 'frobnicate' is neither a command nor a view")
                .doesNotContain("\tat ", "APPLICATION FAILED");
        context.close();
    }

    @Test
    void withDebugTheStackTraceFollowsTheErrorBlock(CapturedOutput output) {
        assertThat(start("high_lr", "train.lr=[1,", "--debug")).isInstanceOf(InvalidAtoInputException.class);
        assertThat(output.getErr()).startsWith("Error: Malformed command-line token").contains("\tat ");
    }
}
