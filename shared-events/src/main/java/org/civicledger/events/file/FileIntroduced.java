package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A legislative file enters the record with its system-assigned file number. */
@Revision("1")
public record FileIntroduced(String fileId, String fileNumber, FileType type, String title, String text,
                             String sponsor, Instant occurredAt) implements CivicEvent {
}
