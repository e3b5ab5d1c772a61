package org.civicledger.command.roster;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.VoteThreshold;

public record SetVoteThreshold(@TargetAggregateIdentifier BodyId body, MotionKind motion, VoteThreshold threshold,
                               Instant occurredAt) {
}
