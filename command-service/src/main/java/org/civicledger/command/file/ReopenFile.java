package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the system when a motion to reconsider passes; never by a clerk directly. */
public record ReopenFile(@TargetAggregateIdentifier String fileId, String meetingId, String motionId,
                         String reconsiderMotionId, Instant occurredAt) {
}
