package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.shell.early.plain.PlainApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test app with every kind of external layer at once — a {@code config/application.yml} in the working
 * directory, a profile file, an environment variable, a system property, command-line options before and after the
 * command — run as a real process through its {@code main} ({@code AtoApplication.run}): the early answer prints
 * exactly what the full context prints ({@code ato.shell.context-free=false}), output, errors and exit code.
 */
class ContextFreeLayersTest {

    @TempDir
    static Path work;

    @BeforeAll
    static void layers() throws Exception {
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/application.yml"), """
                spring.main.banner-mode: off
                logging.level.root: warn
                config:
                  lr: 0.2
                  name: from-yml
                """);
        Files.writeString(work.resolve("config/application-wide.yml"), "config:\n  name: from-profile\n  depth: 4\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"why lr", "why name", "why depth fast", "print --format json", "print fast lr=0.9",
            "manual fast", "help", "runs list", "print api_token=[x,"})
    void everyLayerGivesTheSameAnswerEarlyAndFromTheContext(String line) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=wide", "--ato.sqlite.path=runs.db",
                "--server.port=0"));
        args.addAll(Arrays.asList(line.split(" ")));
        args.add("--config.api_token=s3cret-opt");
        CompletableFuture<Result> full = CompletableFuture.supplyAsync(() -> run(args, false));
        Result early = run(args, true);

        assertThat(early).as(line).isEqualTo(full.get(3, TimeUnit.MINUTES));
        assertThat(early.out() + early.err()).as(line).isNotBlank().doesNotContain("s3cret");
    }

    /**
     * An unknown word: the context would start the whole application first (here a web app with JPA, whose own
     * start-up warnings reach standard output) and then report it; the early answer is only the error.
     */
    @Test
    void anUnknownWordIsOnlyTheErrorEarly() {
        Result early = run(List.of("--server.port=0", "manul"), true);

        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.out()).isEmpty();
        assertThat(early.err()).startsWith("Error: 'manul' is neither a command nor a view; did you mean 'manual'?");
    }

    @Test
    void theLayersReachTheAnswer() {
        Result why = run(List.of("--spring.profiles.active=wide", "why", "lr"), true);

        assertThat(why.exitCode()).as(why.toString()).isZero();
        assertThat(why.out()).contains("config/application.yml", "0.2", "environment variable CONFIG_LR", "0.3",
                "system property config.lr", "0.4");
        assertThat(run(List.of("--spring.profiles.active=wide", "why", "name"), true).out())
                .contains("config/application-wide.yml", "from-profile");
    }

    private static Result run(List<String> args, boolean contextFree) {
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Dato.shell.context-free=" + contextFree, "-Dconfig.lr=0.4", "-cp",
                    System.getProperty("java.class.path"), PlainApp.class.getName()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
            builder.environment().put("CONFIG_LR", "0.3");
            Path out = Files.createTempFile(work, "out", ".txt");
            Path err = Files.createTempFile(work, "err", ".txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: " + args).isTrue();
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exitCode, String out, String err) {
    }
}
