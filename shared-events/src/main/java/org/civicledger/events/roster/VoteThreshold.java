package org.civicledger.events.roster;

/**
 * How many aye votes carry a motion. Abstentions and recusals are not votes cast. A tie never carries: a majority
 * is more than half. Every threshold says how many ayes it needs, so anyone can check the arithmetic.
 */
public enum VoteThreshold {
    /** More than half of the ayes and noes cast: the default. */
    MAJORITY_CAST,
    /** More than half of all seats, filled or not. */
    MAJORITY_SEATS,
    /** Two-thirds of the members present, rounded up. */
    TWO_THIRDS_PRESENT,
    /** Two-thirds of all seats, rounded up. */
    TWO_THIRDS_SEATS,
    /** Three-quarters of all seats, rounded up (e.g. Madison, to appropriate funds). */
    THREE_QUARTERS_SEATS;

    /** Ayes needed; {@code cast} = ayes + noes. */
    public int needed(int cast, int present, int seats) {
        return switch (this) {
            case MAJORITY_CAST -> cast / 2 + 1;
            case MAJORITY_SEATS -> seats / 2 + 1;
            case TWO_THIRDS_PRESENT -> ceilFraction(present, 2, 3);
            case TWO_THIRDS_SEATS -> ceilFraction(seats, 2, 3);
            case THREE_QUARTERS_SEATS -> ceilFraction(seats, 3, 4);
        };
    }

    public boolean carries(int ayes, int noes, int present, int seats) {
        return ayes > 0 && ayes >= needed(ayes + noes, present, seats);
    }

    private static int ceilFraction(int of, int numerator, int denominator) {
        return (of * numerator + denominator - 1) / denominator;
    }
}
