package org.civicledger.events.roster;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A body that meets and acts: the Common Council, a committee, a board, a commission. */
@Revision("1")
public record BodyCreated(String bodyId, String name, BodyKind kind, int seats, Instant occurredAt) implements CivicEvent {
}
