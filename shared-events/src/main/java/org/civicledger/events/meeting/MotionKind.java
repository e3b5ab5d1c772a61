package org.civicledger.events.meeting;

/** What a motion on an agenda item proposes. */
public enum MotionKind {
    ADOPT, ADOPT_UNDER_SUSPENSION, REFER, PLACE_ON_FILE, AMEND, TABLE, TAKE_FROM_TABLE, RECONSIDER, WITHDRAW
}
