package org.civicledger.events.meeting;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** The draft agenda's items in their new order: every item, each once. */
@Revision("1")
public record AgendaReordered(String meetingId, List<String> itemIds, Instant occurredAt) implements CivicEvent {
}
