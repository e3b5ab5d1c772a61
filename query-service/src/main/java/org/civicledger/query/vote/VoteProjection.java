package org.civicledger.query.vote;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Motions made at meetings, the votes on them with their arithmetic, and each member's recorded choice: a meeting's
 * motions, a file's votes and a person's voting record are all read from here, with any corrections applied.
 */
@Component
class VoteProjection implements Projection {

    private static final Logger log = LoggerFactory.getLogger(VoteProjection.class);

    private static final String VOTE_COLUMNS = """
            v.event_id, v.meeting_id, v.motion_id, v.file_id, v.kind, v.method, v.result, v.threshold, v.ayes,
            v.noes, v.abstentions, v.recusals, v.absent, v.excused, v.needed, v.present, v.seats, v.voted_at,
            v.corrected""";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    VoteProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** A member's choice with its Open Civic Data option. */
    record Ballot(String person, String choice, String option) {
        static Ballot of(String person, String choice) {
            return new Ballot(person, choice, VoteOption.of(VoteChoice.valueOf(choice)));
        }
    }

    /**
     * {@code tally} and {@code needed} are null for a voice vote, whose {@code votes} are empty. A corrected vote
     * shows its corrected roll and result; {@code eventId} is the vote as recorded, and {@code corrections} what
     * replaced it, oldest first.
     */
    record Vote(String method, String result, String threshold, Tally tally, Integer needed, int present, int seats,
                Instant votedAt, List<Ballot> votes, String eventId, boolean corrected, List<Correction> corrections) {
    }

    /** {@code corrects}: the recorded vote's event, or the earlier correction this one replaced. */
    record Correction(String eventId, String corrects, String reason, Instant correctedAt, String recordedBy,
                      String result) {
    }

    record Motion(String motionId, String itemId, String fileId, String fileNumber, String kind, String mover,
                  String seconder, String referTo, String amendmentId, Instant madeAt, Vote vote) {
    }

    record FileVote(String meetingId, String motionId, String kind, String method, Instant votedAt, String result,
                    String threshold, Tally tally, Integer needed, int present, int seats, List<Ballot> votes,
                    String eventId, boolean corrected, List<Correction> corrections) {
    }

    record PersonVote(String meetingId, String motionId, String fileId, String fileNumber, String kind, String choice,
                      String option, String result, Instant votedAt, boolean corrected) {
    }

    @Handles
    void on(MotionMade e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                INSERT INTO motion (meeting_id, motion_id, item_id, file_id, kind, mover, seconder, refer_to,
                                    amendment_id, made_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                e.meetingId(), e.motionId(), e.itemId(), e.fileId(), e.kind().name(), e.mover(), e.seconder(),
                e.referTo(), e.amendmentId(), Timestamp.from(e.occurredAt()), envelope.position());
    }

    /** The vote's rows are keyed by its meeting; a correction names the vote by event id and reads it first. */
    @Handles
    void on(VoteRecorded e, EventEnvelope envelope) {
        Tally t = e.tally();
        writes.update(Rows.of("meeting", e.meetingId()), """
                INSERT INTO vote (event_id, meeting_id, motion_id, file_id, kind, method, result, threshold, ayes, noes,
                                  abstentions, recusals, absent, excused, needed, present, seats, voted_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.id(), e.meetingId(), e.motionId(), e.fileId(), e.kind().name(), e.method().name(),
                e.result().name(), e.threshold() == null ? null : e.threshold().name(),
                t == null ? null : t.ayes(), t == null ? null : t.noes(), t == null ? null : t.abstentions(),
                t == null ? null : t.recusals(), t == null ? null : t.absent(), t == null ? null : t.excused(),
                e.needed(), e.present(), e.seats(), Timestamp.from(e.occurredAt()), envelope.position());
        insertBallots(Rows.of("meeting", e.meetingId()), envelope.id(), e.votes());
    }

    /**
     * The vote's row and ballots take the corrected roll and result, so every read shows the vote as it stands; the
     * original stays in the event log and the correction is listed on the vote.
     */
    @Handles
    void on(VoteCorrected e, EventEnvelope envelope) {
        List<String> corrected = writes.reading().queryForList("""
                SELECT event_id FROM vote WHERE event_id = ?
                UNION SELECT vote_event_id FROM vote_correction WHERE event_id = ?""", String.class,
                e.corrects(), e.corrects());
        if (corrected.isEmpty()) {
            // Like an unknown event type: kept in the log, feeds no read model, never stops the stream.
            log.warn("correction {} names no recorded vote ({}); not applied", envelope.id(), e.corrects());
            return;
        }
        String voteId = corrected.get(0);
        // Read before it is queued: no later write of this vote can run before the correction's.
        Rows rows = Rows.of("meeting", e.meetingId()).and("vote", voteId);
        Tally t = e.tally();
        writes.update(rows, """
                UPDATE vote SET result = ?, threshold = ?, ayes = ?, noes = ?, abstentions = ?, recusals = ?,
                                absent = ?, excused = ?, needed = ?, present = ?, seats = ?, corrected = true
                WHERE event_id = ?""",
                e.result().name(), e.threshold() == null ? null : e.threshold().name(),
                t == null ? null : t.ayes(), t == null ? null : t.noes(), t == null ? null : t.abstentions(),
                t == null ? null : t.recusals(), t == null ? null : t.absent(), t == null ? null : t.excused(),
                e.needed(), e.present(), e.seats(), voteId);
        writes.update(rows, "DELETE FROM member_vote WHERE event_id = ?", voteId);
        insertBallots(rows, voteId, e.votes());
        writes.update(rows, """
                INSERT INTO vote_correction (event_id, vote_event_id, corrects, reason, result, corrected_at,
                                             recorded_by, position)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.id(), voteId, e.corrects(), e.reason(), e.result().name(), Timestamp.from(e.occurredAt()),
                envelope.recordedBy(), envelope.position());
    }

    private void insertBallots(Rows rows, String voteId, List<MemberVote> roll) {
        List<MemberVote> votes = roll == null ? List.of() : roll;
        List<Object[]> ballots = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            ballots.add(new Object[] {voteId, i, votes.get(i).person(), votes.get(i).choice().name()});
        }
        writes.batch(rows, "INSERT INTO member_vote (event_id, ordinal, person_id, choice) VALUES (?, ?, ?, ?)",
                ballots);
    }

    /** In the order made; each with its latest vote (a reconsidered motion can be voted on again), or none yet. */
    List<Motion> motionsOf(String meetingId) {
        Map<String, Vote> latest = new LinkedHashMap<>();
        Map<String, List<Ballot>> ballots = ballots("v.meeting_id = ?", meetingId);
        Map<String, List<Correction>> corrections = corrections("v.meeting_id = ?", meetingId);
        jdbc.query("SELECT " + VOTE_COLUMNS + " FROM vote v WHERE v.meeting_id = ? ORDER BY v.position",
                rs -> { latest.put(rs.getString("motion_id"), vote(rs, ballots, corrections)); }, meetingId);
        return jdbc.query("""
                        SELECT m.*, f.file_number FROM motion m LEFT JOIN legislative_file f USING (file_id)
                        WHERE m.meeting_id = ? ORDER BY m.made_at, m.position""",
                (rs, n) -> new Motion(rs.getString("motion_id"), rs.getString("item_id"), rs.getString("file_id"),
                        rs.getString("file_number"), rs.getString("kind"), rs.getString("mover"),
                        rs.getString("seconder"), rs.getString("refer_to"), rs.getString("amendment_id"),
                        rs.getTimestamp("made_at").toInstant(), latest.get(rs.getString("motion_id"))),
                meetingId);
    }

    /** Every vote on a motion about the file, oldest first. */
    List<FileVote> votesOn(String fileId) {
        Map<String, List<Ballot>> ballots = ballots("v.file_id = ?", fileId);
        Map<String, List<Correction>> corrections = corrections("v.file_id = ?", fileId);
        return jdbc.query("SELECT " + VOTE_COLUMNS + " FROM vote v WHERE v.file_id = ? ORDER BY v.voted_at, v.position",
                (rs, n) -> {
                    Vote v = vote(rs, ballots, corrections);
                    return new FileVote(rs.getString("meeting_id"), rs.getString("motion_id"), rs.getString("kind"),
                            v.method(), v.votedAt(), v.result(), v.threshold(), v.tally(), v.needed(), v.present(),
                            v.seats(), v.votes(), v.eventId(), v.corrected(), v.corrections());
                }, fileId);
    }

    /** The roll calls that named the person, oldest first; a voice vote names nobody. */
    List<PersonVote> recordOf(String personId) {
        return jdbc.query("""
                        SELECT v.meeting_id, v.motion_id, v.file_id, f.file_number, v.kind, mv.choice, v.result,
                               v.voted_at, v.corrected
                        FROM member_vote mv JOIN vote v USING (event_id) LEFT JOIN legislative_file f USING (file_id)
                        WHERE mv.person_id = ? ORDER BY v.voted_at, v.position""",
                (rs, n) -> {
                    Ballot ballot = Ballot.of(personId, rs.getString("choice"));
                    return new PersonVote(rs.getString("meeting_id"), rs.getString("motion_id"),
                            rs.getString("file_id"), rs.getString("file_number"), rs.getString("kind"),
                            ballot.choice(), ballot.option(), rs.getString("result"),
                            rs.getTimestamp("voted_at").toInstant(), rs.getBoolean("corrected"));
                }, personId);
    }

    /** Ballots by vote event id, in roll order, for the votes {@code where} selects. */
    private Map<String, List<Ballot>> ballots(String where, Object arg) {
        Map<String, List<Ballot>> byVote = new LinkedHashMap<>();
        jdbc.query("SELECT mv.event_id, mv.person_id, mv.choice FROM member_vote mv JOIN vote v USING (event_id) WHERE "
                        + where + " ORDER BY mv.event_id, mv.ordinal",
                rs -> {
                    byVote.computeIfAbsent(rs.getString("event_id"), id -> new ArrayList<>())
                            .add(Ballot.of(rs.getString("person_id"), rs.getString("choice")));
                }, arg);
        return byVote;
    }

    /** Corrections by the corrected vote's event id, oldest first, for the votes {@code where} selects. */
    private Map<String, List<Correction>> corrections(String where, Object arg) {
        Map<String, List<Correction>> byVote = new LinkedHashMap<>();
        jdbc.query("SELECT c.* FROM vote_correction c JOIN vote v ON v.event_id = c.vote_event_id WHERE " + where
                        + " ORDER BY c.position",
                rs -> {
                    byVote.computeIfAbsent(rs.getString("vote_event_id"), id -> new ArrayList<>())
                            .add(new Correction(rs.getString("event_id"), rs.getString("corrects"),
                                    rs.getString("reason"), rs.getTimestamp("corrected_at").toInstant(),
                                    rs.getString("recorded_by"), rs.getString("result")));
                }, arg);
        return byVote;
    }

    private static Vote vote(ResultSet rs, Map<String, List<Ballot>> ballots,
                             Map<String, List<Correction>> corrections) throws SQLException {
        Tally tally = rs.getObject("ayes") == null ? null : new Tally(rs.getInt("ayes"), rs.getInt("noes"),
                rs.getInt("abstentions"), rs.getInt("recusals"), rs.getInt("absent"), rs.getInt("excused"));
        return new Vote(rs.getString("method"), rs.getString("result"), rs.getString("threshold"), tally,
                (Integer) rs.getObject("needed"), rs.getInt("present"), rs.getInt("seats"),
                rs.getTimestamp("voted_at").toInstant(), ballots.getOrDefault(rs.getString("event_id"), List.of()),
                rs.getString("event_id"), rs.getBoolean("corrected"),
                corrections.getOrDefault(rs.getString("event_id"), List.of()));
    }
}
