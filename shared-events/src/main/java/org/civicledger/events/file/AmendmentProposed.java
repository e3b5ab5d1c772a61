package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * A proposed full substitute text for the file ({@code amends} null), or for a pending amendment of it
 * ({@code amends} = that amendment's id: an amendment to the amendment). A third degree is never recorded.
 */
@Revision("1")
public record AmendmentProposed(String fileId, String amendmentId, String text, String proposedBy, String amends,
                                Instant occurredAt) implements CivicEvent {
}
