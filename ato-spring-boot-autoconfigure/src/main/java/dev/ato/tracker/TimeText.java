package dev.ato.tracker;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Binds a batch's timestamps, converting each distinct instant once (a batch shares few instants). */
final class TimeText {

    private final SqlFlavor flavor;
    private Instant last;
    private Object lastValue;

    TimeText(SqlFlavor flavor) {
        this.flavor = flavor;
    }

    void set(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (!time.equals(last)) {
            last = time;
            lastValue = flavor.timeValue(time);
        }
        ps.setObject(index, lastValue);
    }
}
