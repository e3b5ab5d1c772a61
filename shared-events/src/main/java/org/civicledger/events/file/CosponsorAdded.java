package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

@Revision("1")
public record CosponsorAdded(String fileId, String person, Instant occurredAt) implements CivicEvent {
}
