package org.civicledger.query.meeting;

import java.time.Duration;
import java.util.List;
import org.civicledger.query.meeting.MeetingProjection.Meeting;
import org.civicledger.query.roster.Body;
import org.civicledger.query.roster.RosterProjection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A body's meetings as an iCalendar feed that calendar apps can subscribe to. */
@RestController
class CalendarFeed {

    private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar; charset=utf-8");
    // Meetings have no scheduled end: until adjournment records one, calendars show two hours.
    private static final Duration ASSUMED_LENGTH = Duration.ofHours(2);

    private final MeetingProjection meetings;
    private final RosterProjection roster;

    CalendarFeed(MeetingProjection meetings, RosterProjection roster) {
        this.meetings = meetings;
        this.roster = roster;
    }

    @GetMapping("/api/bodies/{bodyId}/meetings.ics")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<String> feed(@PathVariable String bodyId) {
        Body body = roster.body(bodyId);
        List<ICalendar.Event> events = meetings.list(bodyId, null, null, null).stream()
                .map(m -> event(body, m)).toList();
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(ICalendar.write(body.name() + " meetings", events));
    }

    private static ICalendar.Event event(Body body, Meeting m) {
        var start = m.startsAt().toInstant();
        var end = m.adjournedAt() != null ? m.adjournedAt() : start.plus(ASSUMED_LENGTH);
        return new ICalendar.Event(m.meetingId() + "@civic-ledger", m.revisedAt(), start, end,
                body.name() + " meeting", m.location(), m.status().equals("CANCELLED"), m.reschedules());
    }
}
