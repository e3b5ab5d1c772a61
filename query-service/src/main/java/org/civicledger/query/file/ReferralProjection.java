package org.civicledger.query.file;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Referrals of files to bodies, and whether each body has acted on them yet. */
@Component
class ReferralProjection implements Projection {

    private static final String AGENDA_FILES = "referral.agenda-files";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    ReferralProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    record Referral(String body, Instant referredAt) {
    }

    record PendingReferral(String fileId, String fileNumber, String title, Instant referredAt) {
    }

    @Handles
    void on(FileReferred e, EventEnvelope envelope) {
        // After the file's own row, which it references.
        writes.update(Rows.of("referral", e.fileId()).and("file", e.fileId()), """
                INSERT INTO file_referral (file_id, body_id, referred_at, referred_position) VALUES (?, ?, ?, ?)""",
                e.fileId(), e.bodyId(), Timestamp.from(e.occurredAt()), envelope.position());
    }

    /** The files of each meeting's latest agenda published in this batch, for {@link #on(MeetingAdjourned)}. */
    @Handles
    void on(AgendaPublished e) {
        writes.<Map<String, List<String>>>batchState(AGENDA_FILES, HashMap::new).put(e.meetingId(),
                e.items().stream().map(AgendaPublished.Item::fileId).filter(Objects::nonNull).toList());
    }

    /**
     * A body has also acted on a file once a meeting of the body whose latest published agenda lists the file is
     * adjourned: items can be disposed of without a recorded vote. It reads the meeting's agenda and writes the
     * referrals of whichever files it lists. When that agenda was published in the same batch, its files are known
     * and only their referrals keep their order around this write; otherwise no queued write of any referral moves
     * across it (in a rebuild that made every meeting wait for the one before: one round trip per vote).
     */
    @Handles
    void on(MeetingAdjourned e) {
        List<String> files = writes.<Map<String, List<String>>>batchState(AGENDA_FILES, HashMap::new)
                .get(e.meetingId());
        Rows meeting = Rows.of("meeting", e.meetingId());
        writes.update(files == null ? meeting.andEvery("referral") : meeting.andAll("referral", files), """
                UPDATE file_referral r SET acted_at = ?
                FROM meeting m
                WHERE m.meeting_id = ? AND r.body_id = m.body_id AND r.acted_at IS NULL
                  AND r.file_id IN (SELECT i.file_id FROM agenda_version_item i
                                    WHERE i.meeting_id = m.meeting_id
                                      AND i.version = (SELECT max(v.version) FROM agenda_version v
                                                       WHERE v.meeting_id = m.meeting_id))""",
                Timestamp.from(e.occurredAt()), e.meetingId());
    }

    /**
     * A vote on a motion about the file at a meeting of the body is the body acting on it. Only referrals made before
     * the vote: a passing REFER motion's own FileReferred starts a new, pending one.
     */
    @Handles
    void on(VoteRecorded e, EventEnvelope envelope) {
        if (e.fileId() == null) {
            return;
        }
        writes.update(Rows.of("referral", e.fileId()).and("meeting", e.meetingId()), """
                UPDATE file_referral r SET acted_at = ?
                FROM meeting m
                WHERE m.meeting_id = ? AND r.body_id = m.body_id AND r.file_id = ? AND r.acted_at IS NULL
                  AND r.referred_position < ?""",
                Timestamp.from(e.occurredAt()), e.meetingId(), e.fileId(), envelope.position());
    }

    List<Referral> of(String fileId) {
        return jdbc.query("""
                        SELECT body_id, referred_at FROM file_referral WHERE file_id = ? ORDER BY referred_position""",
                (rs, n) -> new Referral(rs.getString("body_id"), rs.getTimestamp("referred_at").toInstant()), fileId);
    }

    List<PendingReferral> pending(String bodyId) {
        return jdbc.query("""
                        SELECT r.file_id, f.file_number, f.title, r.referred_at
                        FROM file_referral r JOIN legislative_file f USING (file_id)
                        WHERE r.body_id = ? AND r.acted_at IS NULL ORDER BY r.referred_position""",
                (rs, n) -> new PendingReferral(rs.getString("file_id"), rs.getString("file_number"),
                        rs.getString("title"), rs.getTimestamp("referred_at").toInstant()), bodyId);
    }
}
