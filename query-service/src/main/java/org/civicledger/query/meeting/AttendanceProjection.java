package org.civicledger.query.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MemberDeparted;
import org.civicledger.events.meeting.RollCallTaken;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each meeting's attendance timeline: who the roll call found, who arrived late, who left early. */
@Component
class AttendanceProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    AttendanceProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** kind: PRESENT, ABSENT or EXCUSED (roll call), ARRIVED or DEPARTED. */
    record Entry(String person, String kind, Instant occurredAt, long position) {
    }

    /** status: ATTENDED (present at any point), else EXCUSED or ABSENT as the roll call had it. */
    record PersonMeeting(String meetingId, String body, OffsetDateTime startsAt, String status) {
    }

    @Handles
    void on(RollCallTaken e, EventEnvelope envelope) {
        List<Entry> named = new ArrayList<>();
        e.present().forEach(p -> named.add(new Entry(p, "PRESENT", e.occurredAt(), envelope.position())));
        e.absent().forEach(p -> named.add(new Entry(p, "ABSENT", e.occurredAt(), envelope.position())));
        e.excused().forEach(p -> named.add(new Entry(p, "EXCUSED", e.occurredAt(), envelope.position())));
        insert(e.meetingId(), named);
    }

    @Handles
    void on(MemberArrived e, EventEnvelope envelope) {
        insert(e.meetingId(), List.of(new Entry(e.person(), "ARRIVED", e.occurredAt(), envelope.position())));
    }

    @Handles
    void on(MemberDeparted e, EventEnvelope envelope) {
        insert(e.meetingId(), List.of(new Entry(e.person(), "DEPARTED", e.occurredAt(), envelope.position())));
    }

    private void insert(String meetingId, List<Entry> entries) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            rows.add(new Object[] {meetingId, entry.position(), i, entry.person(), entry.kind(),
                    Timestamp.from(entry.occurredAt())});
        }
        writes.batch(Rows.of("meeting", meetingId), """
                INSERT INTO attendance_entry (meeting_id, position, ordinal, person_id, kind, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    /** In the order things happened: by occurredAt, then by the order they were recorded. */
    List<Entry> timeline(String meetingId) {
        return jdbc.query("""
                        SELECT person_id, kind, occurred_at, position FROM attendance_entry
                        WHERE meeting_id = ? ORDER BY occurred_at, position, ordinal""",
                (rs, n) -> new Entry(rs.getString("person_id"), rs.getString("kind"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getLong("position")), meetingId);
    }

    /** The meetings whose roll call named the person, by start. */
    List<PersonMeeting> recordOf(String personId) {
        return jdbc.query("""
                        SELECT m.meeting_id, m.body_id, m.starts_at, m.time_zone,
                               CASE WHEN bool_or(a.kind IN ('PRESENT', 'ARRIVED')) THEN 'ATTENDED'
                                    WHEN bool_or(a.kind = 'EXCUSED') THEN 'EXCUSED'
                                    ELSE 'ABSENT' END AS status
                        FROM attendance_entry a JOIN meeting m USING (meeting_id)
                        WHERE a.person_id = ?
                        GROUP BY m.meeting_id
                        HAVING bool_or(a.kind IN ('PRESENT', 'ABSENT', 'EXCUSED'))
                        ORDER BY m.starts_at, m.meeting_id""",
                (rs, n) -> new PersonMeeting(rs.getString("meeting_id"), rs.getString("body_id"),
                        rs.getTimestamp("starts_at").toInstant().atZone(ZoneId.of(rs.getString("time_zone")))
                                .toOffsetDateTime(),
                        rs.getString("status")), personId);
    }
}
