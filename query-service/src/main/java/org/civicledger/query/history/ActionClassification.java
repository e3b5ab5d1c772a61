package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.civicledger.events.EventTypes;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;

/**
 * The Open Civic Data action classification of a file history item, so a file's history exports to civic-tech
 * tools. Events that are not OCD actions (cosponsors, for one) have none: null.
 */
final class ActionClassification {

    private static final String INTRODUCED = EventTypes.nameOf(FileIntroduced.class);
    private static final String REFERRED = EventTypes.nameOf(FileReferred.class);
    private static final String ACTED_ON = EventTypes.nameOf(FileActedOn.class);

    private ActionClassification() {
    }

    static String of(String type, JsonNode data) {
        if (INTRODUCED.equals(type)) {
            return "introduction";
        } else if (REFERRED.equals(type)) {
            return "referral-committee";
        } else if (ACTED_ON.equals(type)) {
            return acted(data.path("action").asText());
        }
        return null;
    }

    /** An action this build does not know (from a newer command side) is unclassified rather than an error. */
    private static String acted(String action) {
        return Arrays.stream(FileActedOn.Action.values()).filter(a -> a.name().equals(action)).findFirst()
                .map(a -> switch (a) {
                    case ADOPTED -> "passage";
                    case FAILED -> "failure";
                    case WITHDRAWN -> "withdrawal";
                    case PLACED_ON_FILE -> "filing";
                })
                .orElse(null);
    }
}
