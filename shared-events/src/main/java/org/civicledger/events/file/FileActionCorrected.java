package org.civicledger.events.file;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.civicledger.events.CivicEvent;

/** A corrected vote changed what the motion did to the file: the file's action is now {@code action}. */
@Revision("1")
public record FileActionCorrected(String fileId, FileActedOn.Action action, String meetingId, String motionId,
                                  String correction, String reason, Instant occurredAt) implements CivicEvent {
}
