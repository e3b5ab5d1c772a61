package org.civicledger.query.meeting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.civicledger.query.web.BadParameter;

/** The meeting queries' time parameters: {@code at} is an instant; {@code from} and {@code to} a date or an instant. */
final class TimeParameters {

    private TimeParameters() {
    }

    /**
     * A bound on a meeting's start, inclusive. A date is compared with the meeting's local date in its own time zone,
     * so a 6:30 pm Chicago meeting is on the 7th even though it starts on the 8th in UTC.
     */
    record Bound(String column, Object value) {
    }

    /** Instant.parse takes any offset (2017-02-07T18:30:00-06:00), not only Z. */
    static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, value, "an instant such as 2017-02-08T01:00:00Z");
        }
    }

    static Bound bound(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return new Bound("(starts_at AT TIME ZONE time_zone)::date", Date.valueOf(LocalDate.parse(value)));
        } catch (DateTimeParseException notADate) {
            try {
                return new Bound("starts_at", Timestamp.from(Instant.parse(value)));
            } catch (DateTimeParseException e) {
                throw new BadParameter(name, value, "a date (2017-02-07) or an instant (2017-02-08T00:30:00Z)");
            }
        }
    }
}
