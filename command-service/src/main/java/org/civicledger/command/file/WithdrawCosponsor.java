package org.civicledger.command.file;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawCosponsor(@TargetAggregateIdentifier String fileId, String person, Instant occurredAt) {
}
