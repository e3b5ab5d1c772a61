package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

@Revision("1")
public record AmendmentRejected(String fileId, String amendmentId, String meetingId, String motionId,
                                Instant occurredAt) implements CivicEvent {
}
