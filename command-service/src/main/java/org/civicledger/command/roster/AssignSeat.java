package org.civicledger.command.roster;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.events.roster.SeatRole;

public record AssignSeat(@TargetAggregateIdentifier BodyId body, String personId, SeatRole role, LocalDate from,
                         LocalDate to, Instant occurredAt) {
}
