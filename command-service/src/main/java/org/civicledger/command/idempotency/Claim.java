package org.civicledger.command.idempotency;

import java.util.UUID;

/** A clerk's key, held by the request that claimed it; {@code token} fences out one whose claim was taken over. */
record Claim(String clerk, String key, UUID token) {
}
