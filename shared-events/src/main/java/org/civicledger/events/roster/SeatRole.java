package org.civicledger.events.roster;

/** Every role is also a voting member's seat; chair and president preside. */
public enum SeatRole {
    MEMBER, CHAIR, VICE_CHAIR, PRESIDENT
}
