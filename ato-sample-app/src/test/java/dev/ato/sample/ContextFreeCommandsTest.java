package dev.ato.sample;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
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
 * The sample app's one-shot {@code manual}, {@code print}, {@code why} and {@code help} answered before the
 * application context print exactly what the full context prints (standard output, standard error, exit code), with
 * every kind of external layer set: the app's {@code application.properties}, a {@code config/application.yml} in
 * the working directory, a profile file, an environment variable, a system property and a command-line option.
 * Real processes through the app's real {@code main}; the full context is the same run with
 * {@code ato.shell.context-free=false}.
 */
class ContextFreeCommandsTest {

    @TempDir
    static Path work;

    @BeforeAll
    static void layers() throws IOException {
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/application.yml"), """
                train:
                  epochs: 9
                  optimiser: sgd
                """);
        Files.writeString(work.resolve("config/application-wide.yml"), """
                model:
                  hidden: 77
                train:
                  optimiser: rmsprop
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"manual fast", "print fast train.lr=0.05", "print --format yaml --scope model",
            "why train.optimiser", "why train.epochs fast", "help", "help runs best", "--help", "manul",
            "print train.lr=[1,"})
    void answersAsTheFullContextDoes(String line) throws Exception {
        List<String> args = new ArrayList<>(List.of("--model.l2=0.003", "--spring.profiles.active=wide"));
        args.addAll(Arrays.asList(line.split(" ")));
        Result[] both = both(work, args);
        Result early = both[0];
        Result full = both[1];

        assertThat(early).as(line).isEqualTo(full);
        assertThat(early.out() + early.err()).as(line).isNotBlank();
        assertThat(early.loadedContext()).as("the early answer starts no application context: %s", early).isFalse();
        assertThat(full.loadedContext()).as(line).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs list", "runs best --metric val_acc", "runs best", "runs show 1",
            "runs list --format json --status completed", "runs show 99"})
    void readsTheTrackedRunsAsTheFullContextDoes(String line) throws Exception {
        Path tracked = work.resolve("tracked");
        if (!Files.exists(tracked.resolve("experiments.db"))) {
            Files.createDirectories(tracked);
            Result train = run(tracked, List.of("train", "fast", "train.epochs=1"), false);
            assertThat(train.exitCode()).as(train.toString()).isZero();
        }
        List<String> args = Arrays.asList(line.split(" "));
        Result[] both = both(tracked, args);
        Result early = both[0];
        Result full = both[1];

        assertThat(early).as(line).isEqualTo(full);
        assertThat(early.out() + early.err()).as(line).isNotBlank();
        assertThat(early.loadedContext()).as("the early answer starts no application context: %s", early).isFalse();
    }

    @Test
    void everyLayerReachesTheEarlyAnswer() throws Exception {
        Files.deleteIfExists(work.resolve("experiments.db"));
        Result why = run(List.of("--spring.profiles.active=wide", "why", "train.epochs"), true);

        assertThat(why.exitCode()).as(why.toString()).isZero();
        assertThat(why.out()).contains("config/application.yml", "= 9", "environment variable TRAIN_EPOCHS",
                "= 12");
        Result print = run(List.of("--model.l2=0.003", "--spring.profiles.active=wide", "print", "--format", "json"),
                true);
        assertThat(print.out()).contains("\"hidden\" : 77", "\"optimiser\" : \"rmsprop\"", "\"lr\" : 0.02",
                "\"l2\" : 0.003");
        assertThat(Files.exists(work.resolve("experiments.db"))).as("no database file").isFalse();
    }

    @Test
    void commandsThatNeedTheContextStillGetIt() throws Exception {
        Result version = run(List.of("version"), true);

        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.loadedContext()).isTrue();
    }

    /** One run of the app's main in {@link #work}, its class loading logged to tell whether a context started. */
    /** The early and the full-context run of {@code args}, side by side (two processes, so the suite stays short). */
    private static Result[] both(Path directory, List<String> args) throws Exception {
        CompletableFuture<Result> full = CompletableFuture.supplyAsync(() -> {
            try {
                return run(directory, args, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return new Result[] {run(directory, args, true), full.get(3, TimeUnit.MINUTES)};
    }

    private static Result run(List<String> args, boolean contextFree) throws Exception {
        return run(work, args, contextFree);
    }

    private static Result run(Path directory, List<String> args, boolean contextFree) throws Exception {
        Path classes = Files.createTempFile(work, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xshare:auto", "-Xlog:class+load:file=" + classes,
                "-Dato.shell.context-free=" + contextFree, "-Dtrain.lr=0.02", "-cp",
                System.getProperty("java.class.path"), SampleApplication.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("TRAIN_EPOCHS", "12");
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished: " + args).isTrue();
        boolean context = Files.readString(classes).contains("dev.ato.autoconfigure.scope.AtoScopeRegistrar");
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), context);
        Files.delete(classes);
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** What a run printed and returned; {@code loadedContext} is left out of equality. */
    record Result(int exitCode, String out, String err, boolean loadedContext) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Result r && r.exitCode == exitCode && r.out.equals(out) && r.err.equals(err);
        }

        @Override
        public int hashCode() {
            return exitCode + 31 * out.hashCode() + 961 * err.hashCode();
        }
    }
}
