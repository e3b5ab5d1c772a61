package org.civicledger.query.meeting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An RFC 5545 calendar of VEVENTs. Hand-written: one component type with a few properties needs no iCal library.
 * Times are UTC, lines end in CRLF and are folded at 75 octets.
 */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private ICalendar() {
    }

    /** {@code stamp} is when the event's information last changed; {@code sequence} counts its revisions. */
    record Event(String uid, Instant stamp, Instant start, Instant end, String summary, String location,
                 boolean cancelled, int sequence) {
    }

    static String write(String name, List<Event> events) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//civic-ledger//meetings//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + escape(name));
        for (Event e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + e.uid());
            line(out, "DTSTAMP:" + UTC.format(e.stamp()));
            line(out, "DTSTART:" + UTC.format(e.start()));
            line(out, "DTEND:" + UTC.format(e.end()));
            line(out, "SUMMARY:" + escape(e.summary()));
            if (e.location() != null) {
                line(out, "LOCATION:" + escape(e.location()));
            }
            line(out, "STATUS:" + (e.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(out, "SEQUENCE:" + e.sequence());
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT values escape backslash, semicolon and comma, and carry newlines as \n. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Folds after 75 octets (never inside a UTF-8 character); a continuation line starts with one space. */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); i += Character.charCount(line.codePointAt(i))) {
            int codePoint = line.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
        }
        out.append("\r\n");
    }
}
