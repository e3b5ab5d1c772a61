package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/**
 * A vote adopted the amendment. For an amendment of the file, {@code version} is the file's new text version and
 * {@code text} its text; for an amendment of an amendment, {@code version} is null and {@code text} becomes the
 * amended amendment's text.
 */
@Revision("1")
public record AmendmentAdopted(String fileId, String amendmentId, String amends, Integer version, String text,
                               String meetingId, String motionId, Instant occurredAt) implements CivicEvent {
}
