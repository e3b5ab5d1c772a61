package org.civicledger.events.roster;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A person's seat on a body from one date until another ({@code to} null: open-ended). */
@Revision("1")
public record SeatAssigned(String bodyId, String personId, SeatRole role, LocalDate from, LocalDate to,
                           Instant occurredAt) implements CivicEvent {
}
