package org.civicledger.query.vote;

import org.civicledger.events.meeting.VoteChoice;

/** A member's recorded choice as an Open Civic Data vote option, so vote records export to civic-tech tools. */
final class VoteOption {

    private VoteOption() {
    }

    static String of(VoteChoice choice) {
        return switch (choice) {
            case AYE -> "yes";
            case NO -> "no";
            case ABSTAIN -> "abstain";
            // OCD has no "recused": a recused member is present and does not vote.
            case RECUSED -> "not voting";
            case ABSENT -> "absent";
            case EXCUSED -> "excused";
        };
    }
}
