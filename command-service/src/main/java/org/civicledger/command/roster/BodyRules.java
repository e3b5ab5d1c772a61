package org.civicledger.command.roster;

import java.util.Map;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.VoteThreshold;

/** What a body's votes are measured against: its seats, its quorum rule and each kind of motion's threshold. */
public record BodyRules(int seats, QuorumRule quorum, Map<MotionKind, VoteThreshold> thresholds) {

    public int quorumRequired() {
        return quorum.required(seats);
    }

    public VoteThreshold threshold(MotionKind motion) {
        return thresholds.getOrDefault(motion, VoteThreshold.MAJORITY_CAST);
    }
}
