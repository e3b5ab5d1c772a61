package org.civicledger.tlog;

/** Something presented as proof does not hold: a bad proof, signature, note, checkpoint or bag. */
public class VerificationException extends RuntimeException {

    public VerificationException(String message) {
        super(message);
    }

    public VerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
