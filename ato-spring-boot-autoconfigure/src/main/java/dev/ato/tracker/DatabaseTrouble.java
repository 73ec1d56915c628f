package dev.ato.tracker;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * What made a database unusable, read from the first SQL failure among an exception's causes: the database owner's
 * classification, so callers can explain it without speaking JDBC.
 *
 * @param kind   what is wrong
 * @param detail the driver's own first line, for the curious
 */
public record DatabaseTrouble(Kind kind, String detail) {

    /** What is wrong with the database. */
    public enum Kind {
        /** The file is not a database, or is damaged. */
        CORRUPT,
        /** The file (or its directory) cannot be written. */
        READ_ONLY,
        /** Another process holds a lock longer than the busy timeout. */
        LOCKED,
        /** The file cannot be opened: its directory is missing or not accessible. */
        CANNOT_OPEN,
        /** The server does not answer. */
        UNREACHABLE,
        /** The server refused the credentials. */
        CREDENTIALS,
        /** Something else went wrong in the database. */
        OTHER
    }

    /** The trouble behind {@code failure}, or empty when no SQL failure is among its causes. */
    public static Optional<DatabaseTrouble> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String message = String.valueOf(sql.getMessage());
                int newline = message.indexOf('\n');
                return Optional.of(new DatabaseTrouble(kind(message.toLowerCase(Locale.ROOT)),
                        newline < 0 ? message : message.substring(0, newline)));
            }
        }
        return Optional.empty();
    }

    private static Kind kind(String text) {
        if (text.contains("sqlite_notadb") || text.contains("sqlite_corrupt") || text.contains("not a database")
                || text.contains("malformed")) {
            return Kind.CORRUPT;
        }
        if (text.contains("readonly") || text.contains("read-only")) {
            return Kind.READ_ONLY;
        }
        if (text.contains("sqlite_busy") || text.contains("locked")) {
            return Kind.LOCKED;
        }
        if (text.contains("sqlite_cantopen") || text.contains("unable to open")) {
            return Kind.CANNOT_OPEN;
        }
        if (text.contains("password") || text.contains("authentication") || text.contains("access denied")) {
            return Kind.CREDENTIALS;
        }
        if (text.contains("refused") || text.contains("connect") || text.contains("unknownhost")
                || text.contains("timed out") || text.contains("timeout")) {
            return Kind.UNREACHABLE;
        }
        return Kind.OTHER;
    }
}
