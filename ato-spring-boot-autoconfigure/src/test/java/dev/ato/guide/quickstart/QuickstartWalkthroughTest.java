package dev.ato.guide.quickstart;

import dev.ato.autoconfigure.scope.InvalidAtoInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The walk-through of docs/getting-started.md, run for real: the page's three classes started with the page's
 * command lines (as {@code java -jar quickstart.jar …} would, minus the exit), asserting the output the page shows.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuickstartWalkthroughTest {

    @TempDir
    Path dir;

    /**
     * The test class path has the starter's optional JPA and web parts; the page's application has neither (the
     * starter brings no JPA), so they are left out here too.
     */
    private static final String LIKE_THE_STARTER = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration,"
            + "dev.ato.autoconfigure.tracker.AtoJpaAutoConfiguration";

    /** Starts the application like {@code AtoApplication.run} and returns the exit code, without exiting. */
    private int run(String... words) {
        List<String> args = new ArrayList<>(List.of("--ato.sqlite.path=" + dir.resolve("experiments.db"),
                "--spring.main.web-application-type=none", "--spring.main.banner-mode=off", LIKE_THE_STARTER));
        args.addAll(List.of(words));
        return SpringApplication.exit(SpringApplication.run(QuickstartApplication.class, args.toArray(String[]::new)));
    }

    @Test
    void theJobRunsWithViewsAndLiteralsAndTheRunsCanBeCompared(CapturedOutput output) {
        assertThat(run()).isZero();
        assertThat(run("fast", "lr=0.05")).isZero();
        assertThat(run("adam", "fast")).isZero();
        assertThat(run("runs", "diff", "2", "3")).isZero();

        assertThat(output.getOut())
                .contains("run 1: sgd, 10 epochs, final loss 0.3487\n")
                .contains("run 2: sgd, 2 epochs, final loss 0.2500\n")
                .contains("run 3: adam, 2 epochs, final loss 0.9801\n")
                .contains("""
                        KEY        RUN 2  RUN 3
                        lr         0.05   0.001
                        optimizer  sgd    adam
                        """);
    }

    @Test
    void printShowsTheConfigWithTheLazyViewApplied(CapturedOutput output) {
        assertThat(run("print", "fast")).isZero();

        assertThat(output.getOut()).contains("""
                lr: 0.01
                epochs: 2
                batch_size: 32
                optimizer: sgd
                warmup_steps: 200
                """).doesNotContain("run 1:");
    }

    @Test
    void manualShowsTheOrderAndTheKeyDocs(CapturedOutput output) {
        assertThat(run("manual", "adam", "fast")).isZero();

        assertThat(output.getOut()).contains("""
                --------------------------------------------------
                [Scope "train"]
                (The Applying Order of Views)
                defaults → fast → adam → (External Properties) → (CLI Inputs) → warmup → print
                (User Manuals)
                lr: learning rate of the optimizer
                epochs: passes over the training data
                batch_size: examples per gradient step
                optimizer: sgd or adam
                warmup_steps: derived: 100 steps per epoch
                --------------------------------------------------
                (Applied for: adam fast)
                train: defaults → adam → fast → warmup (lazy)
                """);
    }

    @Test
    void whyListsEveryLayerThatWroteTheKey(CapturedOutput output) {
        assertThat(run("--train.lr=0.3", "why", "lr", "adam", "lr=0.2")).isZero();

        assertThat(output.getOut()).contains("""
                train.lr
                  1. view 'defaults'                          lr = 0.01
                  2. view 'adam'                              lr = 0.001
                  3. external property from 'command-line option --train.lr' lr = 0.3
                  4. command-line literal #1 'lr=0.2'         lr = 0.2
                  final: command-line literal #1 'lr=0.2'
                """);
    }

    @Test
    void aMistypedKeyOrViewIsOneClearError(CapturedOutput output) {
        assertThat(run("why", "lrr")).isEqualTo(2);
        assertThat(output.getErr()).contains("Error: no layer of scope 'train' wrote 'lrr' (keys: lr, epochs,"
                + " batch_size, optimizer, warmup_steps); did you mean 'lr'?");

        assertThatThrownBy(() -> run("lr=[0.1,"))
                .isInstanceOf(InvalidAtoInputException.class)
                .hasMessage("""
                        Malformed command-line token #0 at position 3: unbalanced '[': no closing ']'
                            lr=[0.1,
                               ^
                          hint: close it with ']', or wrap the value in %...% to make it a string""");
    }
}
