package org.civicledger.query.web;

/** The caller asked for a position this projection has not reached within the wait it allows. */
class ProjectionBehind extends RuntimeException {

    private final long wanted;
    private final long current;

    ProjectionBehind(long wanted, long current) {
        super("The public record has reached position " + current + ", not yet " + wanted + "; try again shortly.");
        this.wanted = wanted;
        this.current = current;
    }

    long wanted() {
        return wanted;
    }

    long current() {
        return current;
    }
}
