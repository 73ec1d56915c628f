package dev.ato.autoconfigure.testapp;

import dev.ato.autoconfigure.shell.AtoShellRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code manual}, {@code print}, {@code why} and {@code help} never touch the database: they work with a corrupt, a
 * read-only, a missing and a locked SQLite file, and with an unreachable DataSource; the database is left exactly as
 * it was. A command that does need it names the file or URL, what is wrong, and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFreeCommandsTest {

    private static final List<List<String>> DATABASE_FREE = List.of(List.of("manual", "high_lr"),
            List.of("print", "--format", "json", "train.lr=3"), List.of("why", "train.lr", "high_lr"),
            List.of("help"), List.of("--help"), List.of("help", "runs", "best"));

    @TempDir
    Path directory;

    record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(CapturedOutput output, List<String> settings, List<String> command) {
        int out = output.getOut().length();
        int err = output.getErr().length();
        List<String> args = new ArrayList<>(settings);
        args.add("--ato.sqlite.busy-timeout=200ms");
        args.addAll(command);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
                .run(args.toArray(String[]::new));
        int code = context.getBean(AtoShellRunner.class).getExitCode();
        context.close();
        return new Outcome(code, output.getOut().substring(out), output.getErr().substring(err));
    }

    private static void databaseFreeCommandsWork(CapturedOutput output, List<String> settings) {
        for (List<String> command : DATABASE_FREE) {
            Outcome outcome = run(output, settings, command);
            assertThat(outcome.exitCode()).as(command + ": " + outcome.err()).isZero();
            assertThat(outcome.err()).as(command.toString()).isEmpty();
            assertThat(outcome.out()).as(command.toString()).isNotBlank();
        }
    }

    @Test
    void aCorruptFile(CapturedOutput output) throws Exception {
        Path db = Files.writeString(directory.resolve("corrupt.db"), "this is not an SQLite database, just text");
        byte[] before = Files.readAllBytes(db);
        List<String> settings = List.of("--ato.sqlite.path=" + db);
        databaseFreeCommandsWork(output, settings);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);

        Outcome runs = run(output, settings, List.of("runs", "list"));
        assertThat(runs.exitCode()).isEqualTo(1);
        assertThat(runs.err()).startsWith("Error: the SQLite database " + db + " is corrupt")
                .contains("fix: move the file away", "ato.sqlite.path").doesNotContain("\tat ");
    }

    @Test
    void aReadOnlyFile(CapturedOutput output) throws Exception {
        Path db = directory.resolve("readonly.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE unrelated (x INTEGER)");
        }
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        long modified = Files.getLastModifiedTime(db).toMillis();
        databaseFreeCommandsWork(output, List.of("--ato.sqlite.path=" + db));
        assertThat(Files.getLastModifiedTime(db).toMillis()).isEqualTo(modified);
        assertThat(Files.exists(directory.resolve("readonly.db-wal"))).isFalse();

        // root ignores file permissions, so the error case opens the file read-only through the driver instead
        Outcome runs = run(output, List.of("--spring.datasource.url=jdbc:sqlite:" + db + "?open_mode=1"),
                List.of("runs", "list"));
        assertThat(runs.exitCode()).isEqualTo(1);
        assertThat(runs.err()).startsWith("Error: the SQLite database " + db + " is read-only")
                .contains("fix: make the file and its directory writable");
    }

    @Test
    void aMissingFileIsNotCreated(CapturedOutput output) {
        Path db = directory.resolve("not-yet").resolve("experiments.db");
        databaseFreeCommandsWork(output, List.of("--ato.sqlite.path=" + db));
        assertThat(db).doesNotExist();
    }

    @Test
    void aLockedFile(CapturedOutput output) throws Exception {
        Path db = directory.resolve("locked.db");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE unrelated (x INTEGER)");
            s.execute("BEGIN EXCLUSIVE");
            databaseFreeCommandsWork(output, List.of("--ato.sqlite.path=" + db));
            Outcome runs = run(output, List.of("--ato.sqlite.path=" + db), List.of("runs", "list"));
            assertThat(runs.exitCode()).isEqualTo(1);
            assertThat(runs.err()).startsWith("Error: the SQLite database " + db + " is locked by another process")
                    .contains("ato.sqlite.busy-timeout");
            s.execute("ROLLBACK");
        }
    }

    @Test
    void anUnreachableDataSource(CapturedOutput output) {
        List<String> settings = List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere",
                "--spring.datasource.hikari.connection-timeout=250");
        databaseFreeCommandsWork(output, settings);
        Outcome runs = run(output, settings, List.of("runs", "list"));
        assertThat(runs.exitCode()).isEqualTo(1);
        assertThat(runs.err()).startsWith("Error: the database jdbc:postgresql://127.0.0.1:9/nowhere is unreachable")
                .contains("spring.datasource.url");
    }
}
