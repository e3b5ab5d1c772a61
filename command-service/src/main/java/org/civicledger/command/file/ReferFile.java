package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReferFile(@TargetAggregateIdentifier String fileId, String body, Instant occurredAt) {
}
