package org.civicledger.query.meeting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICalendarTest {

    private static final Instant START = Instant.parse("2017-02-08T00:30:00Z");

    private static String calendar(String location) {
        return ICalendar.write("Common Council meetings", List.of(new ICalendar.Event("m1@civic-ledger",
                Instant.parse("2017-01-30T12:00:00Z"), START, START.plusSeconds(7200), "Common Council meeting",
                location, false, 1)));
    }

    @Test
    void textValuesEscapeCommaSemicolonBackslashAndNewline() {
        assertThat(ICalendar.escape("Room 201; 210 MLK Jr. Blvd, Madison\\WI\nEnter on Doty"))
                .isEqualTo("Room 201\\; 210 MLK Jr. Blvd\\, Madison\\\\WI\\nEnter on Doty");
    }

    @Test
    void everyLineEndsInCrlfAndTimesAreUtc() {
        String ics = calendar("City County Building");

        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(ics.split("\r\n")).contains("BEGIN:VCALENDAR", "VERSION:2.0", "CALSCALE:GREGORIAN",
                "UID:m1@civic-ledger", "DTSTAMP:20170130T120000Z", "DTSTART:20170208T003000Z",
                "DTEND:20170208T023000Z", "STATUS:CONFIRMED", "SEQUENCE:1", "LOCATION:City County Building");
    }

    @Test
    void longLinesFoldAt75OctetsWithoutSplittingACharacter() {
        String location = "Room 201, City-County Building, 210 Martin Luther King Jr. Boulevard, Madison — "
                + "überall erreichbar ".repeat(4);
        String ics = calendar(location);

        String[] lines = ics.split("\r\n");
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(UTF_8).length).isLessThanOrEqualTo(75));
        assertThat(Arrays.stream(lines).filter(line -> line.startsWith(" "))).hasSize(2);
        // Unfolding (removing CRLF + space) gives back the escaped value exactly.
        assertThat(ics.replace("\r\n ", "")).contains("LOCATION:" + ICalendar.escape(location) + "\r\n");
    }
}
