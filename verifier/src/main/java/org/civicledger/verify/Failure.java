package org.civicledger.verify;

/** A check that did not hold; its message is the one line the user sees. Exit code 1. */
final class Failure extends Exception {

    Failure(String message) {
        super(message);
    }
}
