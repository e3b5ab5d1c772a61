package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A file sent to a body (a committee, or the Council) for it to act on. */
@Revision("1")
public record FileReferred(String fileId, String bodyId, Instant occurredAt) implements CivicEvent {
}
