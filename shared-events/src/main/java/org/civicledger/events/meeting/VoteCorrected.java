package org.civicledger.events.meeting;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.VoteThreshold;

/**
 * A clerk's correction of a recorded roll-call vote: the whole corrected roll and the result recomputed under the
 * original threshold, attendance and seats. {@code corrects} is the id of the event it corrects (the
 * {@link VoteRecorded}, or an earlier correction); nothing is overwritten, and who corrected it, when and why travel
 * with it.
 */
@Revision("1")
public record VoteCorrected(String meetingId, String motionId, String corrects, String reason, String fileId,
                            MotionKind kind, List<MemberVote> votes, Result result, VoteThreshold threshold,
                            Tally tally, Integer needed, int present, int seats, Instant occurredAt)
        implements CivicEvent {
}
