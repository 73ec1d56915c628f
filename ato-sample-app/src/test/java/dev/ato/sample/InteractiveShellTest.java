package dev.ato.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The interactive shell driven through a pseudo-terminal ({@code script} allocates it), as a user types: Tab
 * completes a key for {@code why}, a command runs, and an error is one {@code Error:} line with no status line after
 * it; {@code quit} leaves with exit code 0.
 */
class InteractiveShellTest {

    @TempDir
    Path directory;

    @Test
    void completesRunsAndReportsErrorsLikeTheOneShotCommands() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "skipped: needs /usr/bin/script (util-linux) for a pseudo-terminal; apt-get install util-linux");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a pseudo-terminal without a size has 0 columns; JLine needs some to echo the line
        String command = "stty cols 200 rows 50; exec " + java + " -cp " + System.getProperty("java.class.path") + " dev.ato.sample.SampleApplication"
                + " --ato.sqlite.path=" + directory.resolve("experiments.db");
        Path transcript = directory.resolve("transcript.txt");
        Process shell = new ProcessBuilder("/usr/bin/script", "-qfec", command, "/dev/null")
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(transcript.toFile()).start();
        OutputStream keys = shell.getOutputStream();
        awaitText(transcript, "ato:> ", 120);
        type(keys, "why train.l\t");
        awaitText(transcript, "train.lr", 30); // the completed key, echoed (the command word is highlighted)
        type(keys, "\n");
        awaitText(transcript, "final: view 'defaults'", 60);
        type(keys, "why train.nope\n");
        awaitText(transcript, "Error: no layer of scope 'train' wrote 'nope'", 60);
        type(keys, "quit\n");
        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(transcript, StandardCharsets.UTF_8);
        assertThat(shell.exitValue()).as(text).isZero();
        assertThat(text).contains("1. view 'defaults'").doesNotContain("USAGE_ERROR", "Error while executing",
                "\tat ");
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static void awaitText(Path transcript, String text, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.exists(transcript) && Files.readString(transcript, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + seconds + " s; the terminal showed:\n"
                + (Files.exists(transcript) ? Files.readString(transcript, StandardCharsets.UTF_8) : ""));
    }
}
