package org.civicledger.events.roster;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A body's quorum rule from now on (a body without one uses {@link QuorumRule#MAJORITY_SEATS}). */
@Revision("1")
public record QuorumRuleSet(String bodyId, QuorumRule quorum, Instant occurredAt) implements CivicEvent {
}
