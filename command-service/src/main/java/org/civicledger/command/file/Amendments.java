package org.civicledger.command.file;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.HashMap;
import java.util.Map;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;

/** A file's amendments: two degrees at most, each pending until a vote decides it. */
@SnapshotState
final class Amendments {

    private record Amendment(String text, String amends, boolean pending) {
    }

    @JsonMerge
    private final Map<String, Amendment> byId = new HashMap<>();

    void requireCanPropose(String amends) {
        if (amends == null) {
            return;
        }
        Amendment target = byId.get(amends);
        if (target == null || !target.pending()) {
            throw RuleViolation.conflict("amendment-not-pending",
                    "There is no pending amendment '" + amends + "' on this file to amend.");
        }
        if (target.amends() != null) {
            throw RuleViolation.unprocessable("third-degree-amendment",
                    "'" + amends + "' already amends an amendment; a third degree is not allowed.");
        }
    }

    /** The amendment a vote decides, which must still be pending. */
    String requirePending(String amendmentId) {
        Amendment amendment = byId.get(amendmentId);
        if (amendment == null || !amendment.pending()) {
            throw RuleViolation.conflict("amendment-not-pending", "Amendment '" + amendmentId + "' is not pending.");
        }
        return amendment.amends();
    }

    String textOf(String amendmentId) {
        return byId.get(amendmentId).text();
    }

    void proposed(String amendmentId, String text, String amends) {
        byId.put(amendmentId, new Amendment(text, amends, true));
    }

    void adopted(String amendmentId, String amends) {
        Amendment adopted = byId.get(amendmentId);
        byId.put(amendmentId, new Amendment(adopted.text(), adopted.amends(), false));
        if (amends != null) {
            Amendment parent = byId.get(amends);
            byId.put(amends, new Amendment(adopted.text(), parent.amends(), parent.pending()));
        }
    }

    void rejected(String amendmentId) {
        Amendment rejected = byId.get(amendmentId);
        byId.put(amendmentId, new Amendment(rejected.text(), rejected.amends(), false));
    }
}
