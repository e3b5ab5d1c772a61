package org.civicledger.command.idempotency;

/** The first answer to a key, replayed to every later request with the same key and the same fingerprint. */
record StoredAnswer(int status, String contentType, String location, byte[] body) {
}
