package org.civicledger.events.meeting;

/** A member's recorded position on a roll-call vote; absent and excused are recorded by the system, not cast. */
public enum VoteChoice {
    AYE, NO, ABSTAIN, RECUSED, ABSENT, EXCUSED
}
