package org.civicledger.command.policy;

import java.util.List;
import org.civicledger.command.file.CorrectFileAction;
import org.civicledger.command.file.DecideAmendment;
import org.civicledger.command.file.RecordFileAction;
import org.civicledger.command.file.ReferFile;
import org.civicledger.command.file.ReopenFile;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.Result;

/**
 * What a vote does to its file, as a pure function: given the vote, the file commands that follow. The vote carries
 * what its motion named (the body, the amendment, the reconsidered motion), so there are no lookups; the sending is
 * {@link VoteOutcomes}'s, and every case is a plain test.
 */
public final class VotePolicy {

    private VotePolicy() {
    }

    /** The commands a recorded vote sends to its file; none for a motion without a file, or one that acts elsewhere. */
    public static List<Object> decide(VoteRecorded vote) {
        if (vote.fileId() == null) {
            return List.of();
        }
        boolean passed = vote.result() == Result.PASSED;
        return switch (vote.kind()) {
            case ADOPT, ADOPT_UNDER_SUSPENSION -> List.of(new RecordFileAction(vote.fileId(),
                    passed ? Action.ADOPTED : Action.FAILED, vote.meetingId(), vote.motionId(), vote.occurredAt()));
            case PLACE_ON_FILE -> passed ? List.of(act(vote, Action.PLACED_ON_FILE)) : List.of();
            case WITHDRAW -> passed ? List.of(act(vote, Action.WITHDRAWN)) : List.of();
            case REFER -> passed ? List.of(new ReferFile(vote.fileId(), vote.referTo(), vote.occurredAt()))
                    : List.of();
            case AMEND -> List.of(new DecideAmendment(vote.fileId(), vote.amendmentId(), passed, vote.meetingId(),
                    vote.motionId(), vote.occurredAt()));
            case RECONSIDER -> passed ? List.of(new ReopenFile(vote.fileId(), vote.meetingId(), vote.reconsiders(),
                    vote.motionId(), vote.occurredAt())) : List.of();
            // TABLE and TAKE_FROM_TABLE act on the meeting's agenda, not on the file.
            case TABLE, TAKE_FROM_TABLE -> List.of();
        };
    }

    /**
     * The command a corrected vote sends to its file. Only ADOPT results can be corrected into another result (the
     * meeting refuses the rest), so only they act.
     */
    public static List<Object> decide(VoteCorrected correction, String correctionId) {
        if (correction.fileId() == null || (correction.kind() != MotionKind.ADOPT
                && correction.kind() != MotionKind.ADOPT_UNDER_SUSPENSION)) {
            return List.of();
        }
        return List.of(new CorrectFileAction(correction.fileId(),
                correction.result() == Result.PASSED ? Action.ADOPTED : Action.FAILED, correction.meetingId(),
                correction.motionId(), correctionId, correction.reason(), correction.occurredAt()));
    }

    private static RecordFileAction act(VoteRecorded vote, Action action) {
        return new RecordFileAction(vote.fileId(), action, vote.meetingId(), vote.motionId(), vote.occurredAt());
    }
}
