package org.civicledger.command.roster;

import java.time.Instant;

public record RegisterPerson(String personId, String name, Instant occurredAt) {
}
