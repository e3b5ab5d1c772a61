package org.civicledger.command.roster;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.events.roster.QuorumRule;

public record SetQuorumRule(@TargetAggregateIdentifier BodyId body, QuorumRule quorum, Instant occurredAt) {
}
