package org.civicledger.command.log;

/** The signer will not vouch for a log whose leaves no longer match the event store. */
public class SigningRefused extends RuntimeException {

    SigningRefused(String message) {
        super(message);
    }
}
