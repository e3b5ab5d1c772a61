package org.civicledger.command.idempotency;

import java.time.Instant;

/** A key as stored: whose request it is (fingerprint), how far it got, and its answer once there is one. */
record KeyState(byte[] fingerprint, Instant claimedAt, boolean committed, StoredAnswer answer) {

    boolean answered() {
        return answer != null;
    }
}
