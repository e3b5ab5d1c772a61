package org.civicledger.query.meeting;

import java.util.List;
import org.civicledger.query.meeting.AttendanceProjection.PersonMeeting;
import org.civicledger.query.roster.RosterProjection;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class AttendanceQueries {

    private final AttendanceProjection attendance;
    private final RosterProjection roster;

    AttendanceQueries(AttendanceProjection attendance, RosterProjection roster) {
        this.attendance = attendance;
        this.roster = roster;
    }

    public record PersonAttendance(String personId, long attended, long absent, long excused, List<PersonMeeting> meetings) {
    }

    /** A person's record over every meeting whose roll call named them. */
    @GetMapping("/api/people/{personId}/attendance")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PersonAttendance record(@PathVariable String personId) {
        roster.requirePerson(personId);
        List<PersonMeeting> meetings = attendance.recordOf(personId);
        return new PersonAttendance(personId, count(meetings, "ATTENDED"), count(meetings, "ABSENT"),
                count(meetings, "EXCUSED"), meetings);
    }

    private static long count(List<PersonMeeting> meetings, String status) {
        return meetings.stream().filter(m -> m.status().equals(status)).count();
    }
}
