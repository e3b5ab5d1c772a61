package org.civicledger.command.meeting;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Tally;

/** A roll-call vote: who may vote, what is recorded for those who cannot, and the tally. */
final class VoteCount {

    private static final Set<VoteChoice> CASTABLE =
            EnumSet.of(VoteChoice.AYE, VoteChoice.NO, VoteChoice.ABSTAIN, VoteChoice.RECUSED);

    private VoteCount() {
    }

    /** Every present member votes, nobody else; absent and excused members are recorded as such. */
    static List<MemberVote> roll(Map<String, VoteChoice> roll, Set<String> present, Set<String> absent,
                                 Set<String> excused) {
        for (Map.Entry<String, VoteChoice> vote : roll.entrySet()) {
            if (!present.contains(vote.getKey())) {
                throw RuleViolation.unprocessable("voter-not-present",
                        "'" + vote.getKey() + "' is not present and cannot vote.");
            }
            if (!CASTABLE.contains(vote.getValue())) {
                throw RuleViolation.unprocessable("choice-not-castable",
                        "A member votes AYE, NO, ABSTAIN or RECUSED; " + vote.getValue() + " is recorded, not cast.");
            }
        }
        Set<String> missing = new HashSet<>(present);
        missing.removeAll(roll.keySet());
        if (!missing.isEmpty()) {
            throw RuleViolation.unprocessable("roll-incomplete",
                    "Every member present votes (AYE, NO, ABSTAIN or RECUSED); missing: "
                            + missing.stream().sorted().toList() + ".");
        }
        List<MemberVote> votes = new ArrayList<>();
        roll.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(v -> votes.add(new MemberVote(v.getKey(), v.getValue())));
        absent.stream().sorted().forEach(p -> votes.add(new MemberVote(p, VoteChoice.ABSENT)));
        excused.stream().sorted().forEach(p -> votes.add(new MemberVote(p, VoteChoice.EXCUSED)));
        return votes;
    }

    static Tally tally(List<MemberVote> votes) {
        return new Tally(count(votes, VoteChoice.AYE), count(votes, VoteChoice.NO), count(votes, VoteChoice.ABSTAIN),
                count(votes, VoteChoice.RECUSED), count(votes, VoteChoice.ABSENT), count(votes, VoteChoice.EXCUSED));
    }

    private static int count(List<MemberVote> votes, VoteChoice choice) {
        return (int) votes.stream().filter(v -> v.choice() == choice).count();
    }
}
