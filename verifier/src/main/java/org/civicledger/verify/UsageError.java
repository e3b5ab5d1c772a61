package org.civicledger.verify;

/** The command line or the local files it names are not usable. Exit code 2. */
final class UsageError extends RuntimeException {

    UsageError(String message) {
        super(message);
    }
}
