package org.civicledger.events.roster;

/**
 * How many members must be present for a body to do business. Both sides compute it from here, so the public
 * figure and the clerk's never differ.
 */
public enum QuorumRule {
    /** More than half of all seats: the default. */
    MAJORITY_SEATS,
    /** Two-thirds of all seats, e.g. Madison's Common Council under Wis. Stat. 62.11(3). */
    TWO_THIRDS_SEATS;

    /** Members needed, from the number of seats (filled or not). */
    public int required(int seats) {
        return switch (this) {
            case MAJORITY_SEATS -> seats / 2 + 1;
            case TWO_THIRDS_SEATS -> (2 * seats + 2) / 3;
        };
    }
}
