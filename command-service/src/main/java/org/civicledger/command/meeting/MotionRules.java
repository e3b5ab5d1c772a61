package org.civicledger.command.meeting;

import java.util.EnumSet;
import java.util.Set;
import org.civicledger.command.file.Files;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.roster.Roster;
import org.civicledger.events.meeting.MotionKind;

/** Which motions can be made on which agenda item, by whom. */
final class MotionRules {

    /** Motions that only make sense about a legislative file. */
    private static final Set<MotionKind> ABOUT_A_FILE = EnumSet.of(MotionKind.ADOPT_UNDER_SUSPENSION,
            MotionKind.REFER, MotionKind.PLACE_ON_FILE, MotionKind.AMEND, MotionKind.WITHDRAW, MotionKind.RECONSIDER);

    private MotionRules() {
    }

    static void check(MotionKind kind, String fileId, String mover, String referTo, String amendmentId,
                      Files files, Roster roster) {
        if (fileId == null && ABOUT_A_FILE.contains(kind)) {
            throw RuleViolation.unprocessable("motion-needs-a-file",
                    "A " + kind + " motion is about a legislative file; this agenda item has none.");
        }
        if ((kind == MotionKind.REFER) != (referTo != null)) {
            throw RuleViolation.unprocessable("refer-names-a-body",
                    "A REFER motion, and only a REFER motion, names the body (\"body\") it refers the file to.");
        }
        if (referTo != null && !roster.isBodyCreated(referTo)) {
            throw RuleViolation.unprocessable("body-not-registered", "'" + referTo + "' is not a registered body.");
        }
        if ((kind == MotionKind.AMEND) != (amendmentId != null)) {
            throw RuleViolation.unprocessable("amend-names-an-amendment",
                    "An AMEND motion, and only an AMEND motion, names the amendment (\"amendmentId\") it would adopt.");
        }
        if (amendmentId != null && !files.isPendingAmendment(fileId, amendmentId)) {
            throw RuleViolation.conflict("amendment-not-pending",
                    "'" + amendmentId + "' is not a pending amendment of this file.");
        }
        if (fileId != null && kind != MotionKind.RECONSIDER && files.isClosed(fileId)) {
            throw RuleViolation.conflict("file-closed",
                    "This file has been decided; only reconsideration or a correction can reopen it.");
        }
        if (kind == MotionKind.WITHDRAW && !mover.equals(files.sponsorOf(fileId))) {
            throw RuleViolation.unprocessable("withdraw-by-sponsor-only",
                    "Only the file's sponsor, " + files.sponsorOf(fileId) + ", may move to withdraw it.");
        }
    }
}
