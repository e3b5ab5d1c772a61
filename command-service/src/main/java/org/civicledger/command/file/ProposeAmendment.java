package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ProposeAmendment(@TargetAggregateIdentifier String fileId, String amendmentId, String text,
                               String proposedBy, String amends, Instant occurredAt) {
}
