package org.civicledger.query.minutes;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.EventJson;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.query.minutes.Minutes.Ballot;
import org.civicledger.query.minutes.Minutes.Correction;
import org.civicledger.query.minutes.Minutes.Vote;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The corrected votes of a meeting as the minutes state them: the vote as recorded at the meeting, then each
 * correction with its whole roll. The vote read model holds only the vote as it now stands, so both come from the
 * event log, where nothing is overwritten.
 */
final class CorrectedVotes {

    private final Map<String, Vote> asRecorded = new HashMap<>();
    private final Map<String, List<Correction>> corrections = new LinkedHashMap<>();

    private CorrectedVotes() {
    }

    static CorrectedVotes of(JdbcTemplate jdbc, String meetingId) {
        CorrectedVotes votes = new CorrectedVotes();
        jdbc.query("""
                SELECT v.event_id, e.data FROM vote v JOIN event_log e USING (event_id)
                WHERE v.meeting_id = ? AND v.corrected""", rs -> {
            VoteRecorded recorded = event(rs, VoteRecorded.class);
            votes.asRecorded.put(rs.getString("event_id"), new Vote(recorded.method(), recorded.result(),
                    recorded.threshold(), recorded.needed(), recorded.present(), recorded.seats(),
                    ballots(recorded.votes())));
        }, meetingId);
        jdbc.query("""
                SELECT c.vote_event_id, c.reason, c.corrected_at, c.recorded_by, e.data
                FROM vote_correction c JOIN vote v ON v.event_id = c.vote_event_id
                                       JOIN event_log e ON e.event_id = c.event_id
                WHERE v.meeting_id = ? ORDER BY c.position""", rs -> {
            VoteCorrected corrected = event(rs, VoteCorrected.class);
            // Only roll-call votes can be corrected.
            Vote recount = new Vote(Method.ROLL_CALL, corrected.result(), corrected.threshold(), corrected.needed(),
                    corrected.present(), corrected.seats(), ballots(corrected.votes()));
            votes.corrections.computeIfAbsent(rs.getString("vote_event_id"), id -> new ArrayList<>()).add(
                    new Correction(rs.getTimestamp("corrected_at").toInstant(), rs.getString("recorded_by"),
                            rs.getString("reason"), recount));
        }, meetingId);
        return votes;
    }

    /** The vote {@code eventId} as the minutes state it: as recorded, with its corrections; else {@code current}. */
    Vote stated(String eventId, Vote current) {
        List<Correction> made = corrections.get(eventId);
        if (made == null) {
            return current;
        }
        Vote recorded = asRecorded.getOrDefault(eventId, current);
        return new Vote(recorded.method(), recorded.result(), recorded.threshold(), recorded.needed(),
                recorded.present(), recorded.seats(), recorded.ballots(), List.copyOf(made));
    }

    private static List<Ballot> ballots(List<MemberVote> votes) {
        return votes == null ? List.of() : votes.stream().map(v -> new Ballot(v.person(), v.choice())).toList();
    }

    private static <T> T event(ResultSet rs, Class<T> type) throws SQLException {
        try {
            return EventJson.mapper().readValue(rs.getString("data"), type);
        } catch (IOException e) {
            throw new SQLException("a " + type.getSimpleName() + " in the event log has unreadable data", e);
        }
    }
}
