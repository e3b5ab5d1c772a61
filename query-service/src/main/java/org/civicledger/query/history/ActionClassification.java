package org.civicledger.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.civicledger.events.EventTypes;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
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
    private static final String ACTION_CORRECTED = EventTypes.nameOf(FileActionCorrected.class);
    private static final String AMENDMENT_PROPOSED = EventTypes.nameOf(AmendmentProposed.class);
    private static final String AMENDMENT_ADOPTED = EventTypes.nameOf(AmendmentAdopted.class);
    private static final String AMENDMENT_REJECTED = EventTypes.nameOf(AmendmentRejected.class);

    private ActionClassification() {
    }

    static String of(String type, JsonNode data) {
        if (INTRODUCED.equals(type)) {
            return "introduction";
        } else if (REFERRED.equals(type)) {
            return "referral-committee";
        } else if (ACTED_ON.equals(type) || ACTION_CORRECTED.equals(type)) {
            // A corrected action is classified as the action the file now stands on.
            return acted(data.path("action").asText());
        } else if (AMENDMENT_PROPOSED.equals(type)) {
            return "amendment-introduction";
        } else if (AMENDMENT_ADOPTED.equals(type)) {
            return "amendment-passage";
        } else if (AMENDMENT_REJECTED.equals(type)) {
            return "amendment-failure";
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
