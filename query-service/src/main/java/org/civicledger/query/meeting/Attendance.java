package org.civicledger.query.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.query.meeting.AttendanceProjection.Entry;

/** Who is in the room at an instant, replayed from the attendance timeline up to it. */
record Attendance(List<Member> members, int present) {

    /** status: PRESENT, ABSENT, EXCUSED or DEPARTED. */
    record Member(String person, String status) {
    }

    /** {@code timeline} in the order things happened; entries after {@code at} are ignored. */
    static Attendance at(List<Entry> timeline, Instant at) {
        Map<String, String> status = new LinkedHashMap<>();
        for (Entry entry : timeline) {
            if (entry.occurredAt().isAfter(at)) {
                break;
            }
            status.put(entry.person(), entry.kind().equals("ARRIVED") ? "PRESENT" : entry.kind());
        }
        List<Member> members = new ArrayList<>();
        status.forEach((person, now) -> members.add(new Member(person, now)));
        int present = (int) members.stream().filter(m -> m.status().equals("PRESENT")).count();
        return new Attendance(members, present);
    }
}
