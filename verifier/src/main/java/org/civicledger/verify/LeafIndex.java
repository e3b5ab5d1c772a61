package org.civicledger.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which log leaf an event line is: the envelope's {@code leafIndex} field if it has one (also accepted in the
 * CloudEvents-legal lower-case spelling {@code leafindex}), else the one its proof file names. A bundle's events and
 * proofs are both in leaf order, so the k-th event line without a leafIndex is the k-th proof by index. The event's
 * global {@code position} is never used: positions may have gaps, leaf indexes have none. Whichever index is claimed,
 * the proof must verify at it against the signed root, so a wrong claim fails rather than passes.
 */
final class LeafIndex {

    private LeafIndex() {
    }

    static long of(JsonNode envelope, Long fromProofs) throws Failure {
        JsonNode camel = envelope.get("leafIndex");
        JsonNode lower = envelope.get("leafindex");
        if (camel != null && lower != null && !camel.equals(lower)) {
            throw new Failure("leafIndex and leafindex disagree");
        }
        JsonNode explicit = camel != null ? camel : lower;
        if (explicit != null) {
            return nonNegative(explicit, "leafIndex");
        }
        if (fromProofs == null) {
            throw new Failure("no leafIndex field and no proof file left for it in data/proofs/");
        }
        return fromProofs;
    }

    private static long nonNegative(JsonNode n, String field) throws Failure {
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
            throw new Failure(field + " is not a non-negative integer: " + n);
        }
        return n.asLong();
    }
}
