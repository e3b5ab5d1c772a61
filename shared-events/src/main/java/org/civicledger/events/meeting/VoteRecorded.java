package org.civicledger.events.meeting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.roster.VoteThreshold;

/**
 * The vote on a motion and its result, with everything needed to check the arithmetic: the threshold that applied,
 * the tally, how many were present, the body's seats and the ayes needed. A voice vote has no roll and no tally
 * ({@code votes} empty, {@code needed} null): the chair's declared result is the record.
 *
 * <p>{@code referTo}, {@code amendmentId} and {@code reconsiders} repeat what the motion named when it was made (see
 * {@link MotionMade}), so what the vote does follows from the vote alone. They were added after release, last and
 * nullable: a vote stored before carries none of them and reads with nulls. A null one is left out of the JSON, so a
 * vote stored before writes back exactly as it was stored: the log audit rebuilds each leaf's bytes from the stored
 * event, and an old vote's leaf must not change. (So the event keeps revision 1: its old form is still its form.)
 */
@Revision("1")
public record VoteRecorded(String meetingId, String motionId, String fileId, MotionKind kind, Method method,
                           List<MemberVote> votes, Result result, VoteThreshold threshold, Tally tally,
                           Integer needed, int present, int seats, Instant occurredAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String referTo,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String amendmentId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String reconsiders) implements CivicEvent {

    /** The vote on a motion that names no body, amendment or earlier motion: any kind but REFER, AMEND, RECONSIDER. */
    public VoteRecorded(String meetingId, String motionId, String fileId, MotionKind kind, Method method,
                        List<MemberVote> votes, Result result, VoteThreshold threshold, Tally tally, Integer needed,
                        int present, int seats, Instant occurredAt) {
        this(meetingId, motionId, fileId, kind, method, votes, result, threshold, tally, needed, present, seats,
                occurredAt, null, null, null);
    }

    public enum Method { ROLL_CALL, VOICE }

    public enum Result { PASSED, FAILED }

    public record MemberVote(String person, VoteChoice choice) {
    }

    public record Tally(int ayes, int noes, int abstentions, int recusals, int absent, int excused) {
    }
}
