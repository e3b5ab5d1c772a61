package org.civicledger.command.roster;

import java.time.Instant;
import org.civicledger.events.roster.BodyKind;

public record CreateBody(String bodyId, String name, BodyKind kind, int seats, Instant occurredAt) {
}
