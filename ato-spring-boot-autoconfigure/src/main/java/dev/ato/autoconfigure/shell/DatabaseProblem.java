package dev.ato.autoconfigure.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

import dev.ato.tracker.DatabaseTrouble;

/**
 * An unusable tracker database said in the user's terms: which file or URL, what is wrong with it (the database
 * owner's {@link DatabaseTrouble}: corrupt, read-only, locked, missing directory, unreachable), and the property or
 * action that fixes it.
 */
final class DatabaseProblem {

    private DatabaseProblem() {
    }

    /** The explanation of {@code trouble} on the database at {@code url} ({@code null} when unknown). */
    static String explain(DatabaseTrouble trouble, @Nullable String url) {
        boolean sqlite = url != null && url.startsWith("jdbc:sqlite:");
        String where = sqlite ? "the SQLite database " + sqliteFile(url) : url != null ? "the database " + url
                : "the tracker database";
        String what;
        String fix;
        switch (trouble.kind()) {
            case CORRUPT -> {
                what = "is corrupt (not an SQLite database)";
                fix = "move the file away (a new one is created on the next run) or set ato.sqlite.path to another"
                        + " file";
            }
            case READ_ONLY -> {
                what = "is read-only";
                fix = "make the file and its directory writable, or set ato.sqlite.path to a writable file";
            }
            case LOCKED -> {
                what = "is locked by another process";
                fix = "wait for the other process to finish, or raise ato.sqlite.busy-timeout";
            }
            case CANNOT_OPEN -> {
                if (sqlite && Files.isDirectory(Path.of(sqliteFile(url)))) {
                    what = "is a directory, not a file";
                    fix = "move the directory away, or set ato.sqlite.path to a file";
                } else {
                    what = "cannot be opened (its directory is missing or not accessible)";
                    fix = "create the directory, or set ato.sqlite.path to a file in an existing, writable directory";
                }
            }
            case UNREACHABLE -> {
                what = "is unreachable";
                fix = "start the database server, or correct spring.datasource.url";
            }
            case CREDENTIALS -> {
                what = "refused the credentials";
                fix = "correct spring.datasource.username and spring.datasource.password";
            }
            default -> {
                what = "cannot be used";
                fix = sqlite ? "check the file, or set ato.sqlite.path to another file"
                        : "check spring.datasource.url and the server";
            }
        }
        return where + " " + what + " (" + trouble.detail() + ")\n  fix: " + fix;
    }

    private static String sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return query < 0 ? file : file.substring(0, query);
    }
}
