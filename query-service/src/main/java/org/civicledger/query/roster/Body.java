package org.civicledger.query.roster;

import org.civicledger.events.roster.QuorumRule;

/** What other read models need of a body: its name, its seats and its quorum rule. */
public record Body(String bodyId, String name, int seats, QuorumRule quorum) {
}
