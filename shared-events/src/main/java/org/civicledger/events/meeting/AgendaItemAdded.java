package org.civicledger.events.meeting;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** An item on the draft agenda: a legislative file ({@code fileId}) or a plain titled item, or both. */
@Revision("1")
public record AgendaItemAdded(String meetingId, String itemId, String fileId, String title, boolean consent,
                              Instant occurredAt) implements CivicEvent {
}
