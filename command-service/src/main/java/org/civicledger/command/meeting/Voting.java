package org.civicledger.command.meeting;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.roster.BodyRules;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.VoteThreshold;

/** The arithmetic and rules of taking, counting, recounting and reconsidering votes; the Meeting applies them. */
final class Voting {

    private Voting() {
    }

    /** A counted roll: each member's vote, the tally, the result under the threshold and the ayes it needed. */
    record Count(List<MemberVote> votes, Tally tally, Result result, int needed) {
    }

    static Count count(Map<String, VoteChoice> roll, Set<String> voters, Set<String> absent, Set<String> excused,
                       VoteThreshold threshold, int present, int seats) {
        List<MemberVote> votes = VoteCount.roll(roll, voters, absent, excused);
        Tally tally = VoteCount.tally(votes);
        boolean carried = threshold.carries(tally.ayes(), tally.noes(), present, seats);
        return new Count(votes, tally, carried ? Result.PASSED : Result.FAILED,
                threshold.needed(tally.ayes() + tally.noes(), present, seats));
    }

    /**
     * The vote on the motion, if a quorum is present: the chair's declared result for a voice vote, or the counted
     * roll of those present (absent, departed and excused members recorded as such), under the body's threshold.
     * It repeats what the motion named (body, amendment, reconsidered motion), so its outcome needs nothing else.
     */
    static VoteRecorded vote(String meetingId, RecordVote command, Motion motion, BodyRules rules,
                             Attendance attendance) {
        Set<String> present = attendance.with(Attendance.Status.PRESENT);
        int seats = rules.seats();
        if (present.size() < rules.quorumRequired()) {
            throw RuleViolation.conflict("no-quorum", present.size() + " of " + seats + " members present; "
                    + "a quorum (" + rules.quorum() + ") needs " + rules.quorumRequired() + ". No quorum, no vote.");
        }
        VoteThreshold threshold = rules.threshold(motion.kind());
        if (command.roll() == null) {
            return new VoteRecorded(meetingId, command.motionId(), motion.fileId(), motion.kind(), Method.VOICE,
                    List.of(), command.voice(), threshold, null, null, present.size(), seats, command.occurredAt(),
                    motion.referTo(), motion.amendmentId(), motion.reconsiders());
        }
        Count count = count(command.roll(), present,
                attendance.with(Attendance.Status.ABSENT, Attendance.Status.DEPARTED),
                attendance.with(Attendance.Status.EXCUSED), threshold, present.size(), seats);
        return new VoteRecorded(meetingId, command.motionId(), motion.fileId(), motion.kind(), Method.ROLL_CALL,
                count.votes(), count.result(), threshold, count.tally(), count.needed(), present.size(), seats,
                command.occurredAt(), motion.referTo(), motion.amendmentId(), motion.reconsiders());
    }

    /**
     * A correction of the motion's current vote record: the whole corrected roll of those who voted, recounted under
     * the original threshold, attendance and seats. One that would change the result of anything but an ADOPT
     * motion is refused until those outcomes can be undone.
     */
    static VoteCorrected correction(String meetingId, CorrectVote command, Motion motion) {
        motion.requireCorrectable(command.roll());
        VoteRecorded original = motion.vote();
        Count count = count(command.roll(), motion.voters(), motion.with(VoteChoice.ABSENT),
                motion.with(VoteChoice.EXCUSED), original.threshold(), original.present(), original.seats());
        if (count.result() != original.result() && !adopts(motion.kind())) {
            throw RuleViolation.unprocessable("correction-changes-outcome",
                    "This correction would change the result of a " + motion.kind() + " motion, which cannot be "
                            + "undone yet; only ADOPT results can be corrected into another result.");
        }
        return new VoteCorrected(meetingId, original.motionId(), command.corrects(), command.reason(),
                motion.fileId(), motion.kind(), count.votes(), count.result(), original.threshold(), count.tally(),
                count.needed(), original.present(), original.seats(), command.occurredAt());
    }

    /**
     * The vote a RECONSIDER motion reopens: the last decided ADOPT vote on the item at this meeting (so before the
     * meeting ends, while the action has not been carried out), moved by a member who voted on the prevailing side.
     */
    static String reconsiderable(Collection<Motion> motions, String itemId, String mover) {
        Motion last = motions.stream()
                .filter(m -> m.itemId().equals(itemId) && m.vote() != null && adopts(m.kind()))
                .reduce((a, b) -> b.vote().occurredAt().isBefore(a.vote().occurredAt()) ? a : b)
                .orElseThrow(() -> RuleViolation.conflict("nothing-to-reconsider",
                        "No vote to adopt this item has been taken at this meeting."));
        if (last.reconsidered()) {
            throw RuleViolation.conflict("already-reconsidered", "That vote has already been reconsidered once.");
        }
        if (last.vote().method() != Method.ROLL_CALL) {
            throw RuleViolation.unprocessable("reconsider-needs-roll-call",
                    "Only a roll-call vote shows who voted on the prevailing side.");
        }
        if (!last.votedOnPrevailingSide(mover)) {
            throw RuleViolation.unprocessable("reconsider-by-prevailing-side",
                    "Only a member who voted on the prevailing side (" + last.vote().result() + ") may move to "
                            + "reconsider.");
        }
        return last.motionId();
    }

    static boolean adopts(MotionKind kind) {
        return kind == MotionKind.ADOPT || kind == MotionKind.ADOPT_UNDER_SUSPENSION;
    }
}
