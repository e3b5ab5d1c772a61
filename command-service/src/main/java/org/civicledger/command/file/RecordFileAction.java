package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.events.file.FileActedOn;

/** Sent by the system when a vote decides a motion about the file; never by a clerk directly. */
public record RecordFileAction(@TargetAggregateIdentifier String fileId, FileActedOn.Action action, String meetingId,
                               String motionId, Instant occurredAt) {
}
