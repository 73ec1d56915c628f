package dev.ato.autoconfigure.shell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be used stops any start-up (a job's too, not only a one-shot command's) with one
 * {@code Error:} block naming the file, what is wrong and the fix; other SQL failures keep Boot's report.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupErrorReporterTest {

    @TempDir
    Path dir;

    private GenericApplicationContext context(Path sqlite) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("ato.sqlite.path", sqlite.toString())));
        return context;
    }

    @Test
    void aCorruptTrackerFileStoppingAJobIsOneErrorWithTheFileAndTheFix(CapturedOutput output) {
        Path file = dir.resolve("experiments.db");
        boolean reported = new StartupErrorReporter(context(file)).reportException(new BeanCreationException("job",
                new SQLException("[SQLITE_NOTADB] File opened that is not a database file (file is not a database)")));

        assertThat(reported).isTrue();
        assertThat(output.getErr()).startsWith("Error: the SQLite database " + file + " is corrupt")
                .contains("fix: move the file away");
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsSaidSo(CapturedOutput output) {
        boolean reported = new StartupErrorReporter(context(dir)).reportException(new BeanCreationException("job",
                new SQLException("[SQLITE_CANTOPEN] Unable to open the database file (out of memory)")));

        assertThat(reported).isTrue();
        assertThat(output.getErr()).contains("Error: the SQLite database " + dir + " is a directory, not a file",
                "fix: move the directory away, or set ato.sqlite.path to a file");
    }

    @Test
    void anOrdinarySqlFailureOfTheApplicationKeepsBootsReport() {
        assertThat(new StartupErrorReporter(context(dir.resolve("x.db"))).reportException(
                new BeanCreationException("repository", new SQLException("column \"foo\" does not exist")))).isFalse();
    }
}
