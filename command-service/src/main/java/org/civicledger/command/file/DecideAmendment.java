package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the system when a vote decides an AMEND motion; never by a clerk directly. */
public record DecideAmendment(@TargetAggregateIdentifier String fileId, String amendmentId, boolean adopted,
                              String meetingId, String motionId, Instant occurredAt) {
}
