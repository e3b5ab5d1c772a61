package org.civicledger.command.log;

import java.time.Duration;
import java.time.Instant;

/**
 * What one self-audit found.
 *
 * @param leaves           how many leaves were checked
 * @param badLeaves        leaves whose event no longer gives the bytes that were logged (or that lost their event)
 * @param firstBadPosition the global position of the first of them, null if none
 * @param problem          what is wrong, in words, null if nothing
 */
public record AuditReport(long leaves, long badLeaves, Long firstBadPosition, String problem, Instant finishedAt,
                          Duration took) {

    public boolean clean() {
        return problem == null;
    }
}
