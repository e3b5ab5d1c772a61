package org.civicledger.query.minutes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Minutes as approved: the frozen text, and the corrections recorded for the meeting after approval. */
@Component
class ApprovedMinutes implements Projection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    ApprovedMinutes(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    record Approval(String text, String sha256, String approvingMeetingId, String motionId, Instant approvedAt,
                    long position) {
    }

    /** A correction of the meeting's record made after its minutes were approved: shown beside, never merged in. */
    record LaterCorrection(String eventId, String type, Instant recordedAt, String recordedBy, String reason) {
    }

    @Handles
    void on(MinutesApproved e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                INSERT INTO minutes_approval (meeting_id, text, sha256, approving_meeting_id, motion_id, approved_at,
                                              position)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", e.meetingId(), e.text(), e.sha256(), e.approvingMeetingId(),
                e.motionId(), Timestamp.from(e.occurredAt()), envelope.position());
    }

    Optional<Approval> find(String meetingId) {
        return jdbc.query("SELECT * FROM minutes_approval WHERE meeting_id = ?", (rs, n) -> new Approval(
                rs.getString("text"), rs.getString("sha256"), rs.getString("approving_meeting_id"),
                rs.getString("motion_id"), rs.getTimestamp("approved_at").toInstant(), rs.getLong("position")),
                meetingId).stream().findFirst();
    }

    List<LaterCorrection> correctionsSince(String meetingId, long position) {
        return jdbc.query("""
                SELECT event_id, type, recorded_at, recorded_by, data ->> 'reason' AS reason FROM event_log
                WHERE aggregate_id = ? AND type = 'VoteCorrected' AND position > ? ORDER BY position""",
                (rs, n) -> new LaterCorrection(rs.getString("event_id"), rs.getString("type"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                        rs.getString("reason")), meetingId, position);
    }
}
