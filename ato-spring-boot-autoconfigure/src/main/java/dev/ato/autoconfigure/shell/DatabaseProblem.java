package dev.ato.autoconfigure.shell;

import java.sql.SQLException;
import java.util.Locale;

/**
 * What is wrong with an unusable tracker database, said in the user's terms: which file or URL, what is wrong with
 * it (corrupt, read-only, locked, missing directory, unreachable), and the property or action that fixes it.
 */
final class DatabaseProblem {

    private DatabaseProblem() {
    }

    /** The first SQL failure in {@code failure}'s causes, or {@code null} when the database is not to blame. */
    static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The explanation for {@code cause} on the database at {@code url} ({@code null} when unknown). */
    static String explain(SQLException cause, String url) {
        String message = String.valueOf(cause.getMessage());
        String text = message.toLowerCase(Locale.ROOT);
        boolean sqlite = url != null && url.startsWith("jdbc:sqlite:");
        String where = sqlite ? "the SQLite database " + sqliteFile(url) : url != null ? "the database " + url
                : "the tracker database";
        String what;
        String fix;
        if (text.contains("sqlite_notadb") || text.contains("sqlite_corrupt") || text.contains("not a database")
                || text.contains("malformed")) {
            what = "is corrupt (not an SQLite database)";
            fix = "move the file away (a new one is created on the next run) or set ato.sqlite.path to another file";
        } else if (text.contains("sqlite_readonly") || text.contains("readonly") || text.contains("read-only")) {
            what = "is read-only";
            fix = "make the file and its directory writable, or set ato.sqlite.path to a writable file";
        } else if (text.contains("sqlite_busy") || text.contains("locked")) {
            what = "is locked by another process";
            fix = "wait for the other process to finish, or raise ato.sqlite.busy-timeout (now in the URL as"
                    + " busy_timeout)";
        } else if (text.contains("sqlite_cantopen") || text.contains("unable to open")) {
            what = "cannot be opened (its directory is missing or not accessible)";
            fix = "create the directory, or set ato.sqlite.path to a file in an existing, writable directory";
        } else if (text.contains("refused") || text.contains("connect") || text.contains("unknownhost")
                || text.contains("timed out") || text.contains("timeout")) {
            what = "is unreachable";
            fix = "start the database server, or correct spring.datasource.url";
        } else if (text.contains("password") || text.contains("authentication") || text.contains("access denied")) {
            what = "refused the credentials";
            fix = "correct spring.datasource.username and spring.datasource.password";
        } else {
            what = "cannot be used";
            fix = sqlite ? "check the file, or set ato.sqlite.path to another file"
                    : "check spring.datasource.url and the server";
        }
        return where + " " + what + " (" + firstLine(message) + ")\n  fix: " + fix;
    }

    private static String sqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return query < 0 ? file : file.substring(0, query);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
