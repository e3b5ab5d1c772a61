package org.civicledger.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which log leaf an event line is. ASSUMPTION, to be confirmed with the command service: the envelope's
 * {@code leafIndex} field if it has one (also accepted in the CloudEvents-legal lower-case spelling
 * {@code leafindex}), else its global event-store {@code position} minus 1. The fallback holds only
 * if every event is appended to the log in position order and positions have no gaps; PostgreSQL
 * identity columns can skip values, which is why an explicit leafIndex is the safer contract.
 */
final class LeafIndex {

    private LeafIndex() {
    }

    static long of(JsonNode envelope) throws Failure {
        JsonNode camel = envelope.get("leafIndex");
        JsonNode lower = envelope.get("leafindex");
        if (camel != null && lower != null && !camel.equals(lower)) {
            throw new Failure("leafIndex and leafindex disagree");
        }
        JsonNode explicit = camel != null ? camel : lower;
        if (explicit != null) {
            return nonNegative(explicit, "leafIndex");
        }
        JsonNode position = envelope.get("position");
        if (position == null) {
            throw new Failure("no leafIndex and no position field");
        }
        long p = nonNegative(position, "position");
        if (p < 1) {
            throw new Failure("position " + p + " has no leaf (positions start at 1)");
        }
        return p - 1;
    }

    private static long nonNegative(JsonNode n, String field) throws Failure {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new Failure(field + " is not a non-negative integer: " + n);
        }
        return n.asLong();
    }
}
