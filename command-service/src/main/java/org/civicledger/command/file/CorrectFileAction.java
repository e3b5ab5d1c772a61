package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.civicledger.events.file.FileActedOn;

/** Sent by the system when a corrected vote changes a motion's result; never by a clerk directly. */
public record CorrectFileAction(@TargetAggregateIdentifier String fileId, FileActedOn.Action action,
                                String meetingId, String motionId, String correction, String reason,
                                Instant occurredAt) {
}
