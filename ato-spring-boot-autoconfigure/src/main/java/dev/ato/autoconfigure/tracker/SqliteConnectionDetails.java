package dev.ato.autoconfigure.tracker;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.AtoProperties;
import dev.ato.tracker.Database;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The connection to the embedded SQLite file: the tracker's own SQLite settings ({@link Database#sqliteUrl}) are URL
 * parameters, so every pooled connection of Boot's DataSource gets them.
 */
record SqliteConnectionDetails(Path file, long busyTimeoutMillis, String journalMode) implements JdbcConnectionDetails {

    static SqliteConnectionDetails of(AtoProperties.Sqlite sqlite) {
        return new SqliteConnectionDetails(sqlite.getPath().toAbsolutePath().normalize(),
                sqlite.getBusyTimeout().toMillis(), sqlite.getJournalMode());
    }

    /** Creates the file's directory: SQLite cannot, and would fail later with a bare SQLITE_CANTOPEN. */
    SqliteConnectionDetails createDirectory() {
        Path directory = file.getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new AtoConfigException("cannot create the directory " + directory + " for the SQLite database "
                    + file + " (ato.sqlite.path): " + e.getMessage()
                    + "; set ato.sqlite.path to a writable location or spring.datasource.url to another database", e);
        }
        return this;
    }

    @Override
    public String getJdbcUrl() {
        return Database.sqliteUrl(file, Duration.ofMillis(busyTimeoutMillis), journalMode);
    }

    @Override
    public @Nullable String getUsername() {
        return null;
    }

    @Override
    public @Nullable String getPassword() {
        return null;
    }
}
