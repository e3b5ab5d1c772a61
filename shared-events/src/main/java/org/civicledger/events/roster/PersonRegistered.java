package org.civicledger.events.roster;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A person the council's record can name: an alder, the mayor, a member of the public body. */
@Revision("1")
public record PersonRegistered(String personId, String name, Instant occurredAt) implements CivicEvent {
}
