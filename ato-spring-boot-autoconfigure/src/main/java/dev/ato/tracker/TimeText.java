package dev.ato.tracker;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Binds a batch's timestamps, formatting each distinct SQLite time text once (a batch shares few instants). */
final class TimeText {

    private final SqlFlavor flavor;
    private Instant last;
    private String lastText;

    TimeText(SqlFlavor flavor) {
        this.flavor = flavor;
    }

    void set(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (flavor != SqlFlavor.SQLITE) {
            flavor.setTime(ps, index, time);
            return;
        }
        if (!time.equals(last)) {
            last = time;
            lastText = SqlFlavor.PYTHON_DATETIME.format(time.atOffset(java.time.ZoneOffset.UTC));
        }
        ps.setString(index, lastText);
    }
}
