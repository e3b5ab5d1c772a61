package org.civicledger.query.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.civicledger.query.meeting.AgendaProjection.Agenda;
import org.civicledger.query.meeting.AgendaProjection.DraftItem;
import org.civicledger.query.meeting.AttendanceProjection.Entry;
import org.civicledger.query.meeting.MeetingProjection.Meeting;
import org.civicledger.query.roster.RosterProjection;
import org.civicledger.query.web.NotFound;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MeetingQueries {

    private final MeetingProjection meetings;
    private final AgendaProjection agendas;
    private final AttendanceProjection attendance;
    private final RosterProjection roster;

    MeetingQueries(MeetingProjection meetings, AgendaProjection agendas, AttendanceProjection attendance,
                   RosterProjection roster) {
        this.meetings = meetings;
        this.agendas = agendas;
        this.attendance = attendance;
        this.roster = roster;
    }

    public record MeetingSummary(String meetingId, String body, OffsetDateTime startsAt, String timeZone, String location,
                          String status) {
        static MeetingSummary of(Meeting m) {
            return new MeetingSummary(m.meetingId(), m.body(), m.startsAt(), m.timeZone(), m.location(), m.status());
        }
    }

    public record MeetingView(String meetingId, String body, OffsetDateTime startsAt, String timeZone, String location,
                       String status, String cancelReason, Instant calledToOrderAt, Instant adjournedAt,
                       Agenda agenda, List<Agenda> agendaVersions, List<DraftItem> draftAgenda,
                       AttendanceView attendance, Quorum quorum) {
    }

    public record AttendanceView(List<Attendance.Member> members, List<Entry> timeline) {
    }

    /** from/to: dates or instants, inclusive; upcoming: starting from now on and not cancelled. */
    @GetMapping("/api/meetings")
    public Map<String, Object> list(@RequestParam(required = false) String body,
                             @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "false") boolean upcoming) {
        List<Meeting> found = meetings.list(body, TimeParameters.bound("from", from), TimeParameters.bound("to", to),
                upcoming ? Instant.now() : null);
        return Map.of("items", found.stream().map(MeetingSummary::of).toList());
    }

    /** The body's calendar: all its meetings, past and future, cancelled ones included. */
    @GetMapping("/api/bodies/{bodyId}/meetings")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> calendar(@PathVariable String bodyId) {
        roster.body(bodyId);
        return Map.of("items", meetings.list(bodyId, null, null, null).stream().map(MeetingSummary::of).toList());
    }

    /**
     * Attendance members and quorum as of {@code at} (default: now, or the adjournment once adjourned); the timeline
     * and agendas are always complete.
     */
    @GetMapping("/api/meetings/{meetingId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MeetingView meeting(@PathVariable String meetingId, @RequestParam(required = false) String at) {
        Instant given = at == null ? null : TimeParameters.instant("at", at);
        Meeting m = meetings.find(meetingId).orElseThrow(() -> NotFound.of("meeting", meetingId));
        // "Now" for a meeting that has ended is the moment it adjourned: the room as the minutes will record it.
        Instant instant = given != null ? given : m.adjournedAt() != null ? m.adjournedAt() : Instant.now();
        List<Agenda> versions = agendas.versions(meetingId);
        List<Entry> timeline = attendance.timeline(meetingId);
        Attendance then = Attendance.at(timeline, instant);
        return new MeetingView(m.meetingId(), m.body(), m.startsAt(), m.timeZone(), m.location(), m.status(),
                m.cancelReason(), m.calledToOrderAt(), m.adjournedAt(),
                versions.isEmpty() ? Agenda.UNPUBLISHED : versions.get(versions.size() - 1), versions,
                agendas.draft(meetingId), new AttendanceView(then.members(), timeline),
                Quorum.of(roster.body(m.body()), then.present(), instant));
    }
}
