package org.civicledger.command.meeting;

import org.civicledger.command.ledger.RuleViolation;

/** Where a meeting is in its life, and what it answers a command that needs it to be elsewhere. */
enum MeetingStatus {

    SCHEDULED, IN_PROGRESS, ADJOURNED, CANCELLED;

    /** Refuses unless the meeting is {@code expected}, saying where it is instead. */
    void require(MeetingStatus expected) {
        if (this == expected) {
            return;
        }
        throw switch (this) {
            case CANCELLED -> RuleViolation.conflict("meeting-cancelled", "This meeting was cancelled.");
            case ADJOURNED -> RuleViolation.conflict("meeting-adjourned", "This meeting has adjourned.");
            case IN_PROGRESS -> RuleViolation.conflict("meeting-in-progress",
                    "This meeting has been called to order.");
            case SCHEDULED -> RuleViolation.conflict("meeting-not-in-progress",
                    "This meeting has not been called to order.");
        };
    }
}
