package org.civicledger.command.web;

import java.util.UUID;
import org.civicledger.command.ledger.RuleViolation;

/** Files and meetings have UUIDs; anything else cannot name one (and must not load another kind of record). */
public final class RecordIds {

    private RecordIds() {
    }

    public static String file(String id) {
        return uuid(id, "file-not-found", "There is no legislative file '" + id + "'.");
    }

    public static String meeting(String id) {
        return uuid(id, "meeting-not-found", "There is no meeting '" + id + "'.");
    }

    private static String uuid(String id, String rule, String message) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound(rule, message);
        }
    }
}
