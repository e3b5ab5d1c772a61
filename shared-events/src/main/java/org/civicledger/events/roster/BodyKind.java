package org.civicledger.events.roster;

public enum BodyKind {
    COUNCIL, COMMITTEE, BOARD, COMMISSION
}
