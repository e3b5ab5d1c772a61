package org.civicledger.command.file;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.civicledger.command.ledger.AggregateStorage;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.command.roster.Roster;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.AmendmentRejected;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileActedOn;
import org.civicledger.events.file.FileActionCorrected;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileReopened;

/**
 * A legislative file: its sponsor, the members who sign on and off it, where it is referred, its amendments and
 * text versions, and what votes did to it. Revision: of the state in snapshots; raise it when fields change, and
 * older snapshots are ignored (replayed from events instead).
 */
@Aggregate(cache = AggregateStorage.FILE_CACHE, snapshotTriggerDefinition = AggregateStorage.SNAPSHOT_TRIGGER)
@Revision("1")
@SnapshotState
public class LegislativeFile {

    @AggregateIdentifier
    private String fileId;
    private String fileNumber;
    private String sponsor;
    private String referredTo;
    private FileActedOn.Action closedBy;
    private int version;
    @JsonMerge
    private final Amendments amendments = new Amendments();
    @JsonMerge
    private final Set<String> cosponsors = new LinkedHashSet<>();

    protected LegislativeFile() {
    }

    /** Answers the assigned file number. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(IntroduceFile command, Roster roster, FileNumbers numbers) {
        requireRegistered(roster, command.sponsor());
        String number = numbers.next(command.type(), command.occurredAt());
        apply(new FileIntroduced(command.fileId(), number, command.type(), command.title(), command.text(),
                command.sponsor(), command.occurredAt()));
        return number;
    }

    @CommandHandler
    public void handle(AddCosponsor command, Roster roster) {
        requireRegistered(roster, command.person());
        if (command.person().equals(sponsor)) {
            throw RuleViolation.conflict("sponsor-cannot-cosponsor",
                    "'" + sponsor + "' is the primary sponsor of " + fileNumber + " and cannot also cosponsor it.");
        }
        if (cosponsors.contains(command.person())) {
            throw RuleViolation.conflict("already-cosponsor",
                    "'" + command.person() + "' is already a cosponsor of " + fileNumber + ".");
        }
        apply(new CosponsorAdded(fileId, command.person(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(WithdrawCosponsor command) {
        if (!cosponsors.contains(command.person())) {
            throw RuleViolation.conflict("not-a-cosponsor",
                    "'" + command.person() + "' is not a cosponsor of " + fileNumber + ", so cannot withdraw.");
        }
        apply(new CosponsorWithdrawn(fileId, command.person(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReferFile command, Roster roster) {
        if (!roster.isBodyCreated(command.body())) {
            throw RuleViolation.unprocessable("body-not-registered",
                    "'" + command.body() + "' is not a registered body.");
        }
        if (command.body().equals(referredTo)) {
            throw RuleViolation.conflict("already-referred",
                    fileNumber + " is already referred to " + referredTo + ".");
        }
        apply(new FileReferred(fileId, command.body(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(RecordFileAction command) {
        requireOpen();
        apply(new FileActedOn(fileId, command.action(), command.meetingId(), command.motionId(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(ProposeAmendment command, Roster roster) {
        requireOpen();
        requireRegistered(roster, command.proposedBy());
        amendments.requireCanPropose(command.amends());
        apply(new AmendmentProposed(fileId, command.amendmentId(), command.text(), command.proposedBy(),
                command.amends(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(DecideAmendment command) {
        String amends = amendments.requirePending(command.amendmentId());
        if (!command.adopted()) {
            apply(new AmendmentRejected(fileId, command.amendmentId(), command.meetingId(), command.motionId(),
                    command.occurredAt()));
            return;
        }
        apply(new AmendmentAdopted(fileId, command.amendmentId(), amends, amends == null ? version + 1 : null,
                amendments.textOf(command.amendmentId()), command.meetingId(), command.motionId(),
                command.occurredAt()));
    }

    @CommandHandler
    public void handle(ReopenFile command) {
        if (closedBy == null) {
            throw RuleViolation.conflict("file-not-closed", fileNumber + " is not decided; nothing to reopen.");
        }
        apply(new FileReopened(fileId, command.meetingId(), command.motionId(), command.reconsiderMotionId(),
                command.occurredAt()));
    }

    /** A corrected vote that leaves the file's action as it was changes nothing on the file. */
    @CommandHandler
    public void handle(CorrectFileAction command) {
        if (command.action() != closedBy) {
            apply(new FileActionCorrected(fileId, command.action(), command.meetingId(), command.motionId(),
                    command.correction(), command.reason(), command.occurredAt()));
        }
    }

    private void requireOpen() {
        if (closedBy != null) {
            throw RuleViolation.conflict("file-closed", fileNumber + " is already " + closedBy + ".");
        }
    }

    private static void requireRegistered(Roster roster, String person) {
        if (!roster.isPersonRegistered(person)) {
            throw RuleViolation.unprocessable("person-not-registered",
                    "'" + person + "' is not a registered person; register them first.");
        }
    }

    @EventSourcingHandler
    void on(FileIntroduced event) {
        version = 1;
        fileId = event.fileId();
        fileNumber = event.fileNumber();
        sponsor = event.sponsor();
    }

    @EventSourcingHandler
    void on(FileActedOn event) {
        closedBy = event.action();
    }

    @EventSourcingHandler
    void on(FileReopened event) {
        closedBy = null;
    }

    @EventSourcingHandler
    void on(FileActionCorrected event) {
        closedBy = event.action();
    }

    @EventSourcingHandler
    void on(AmendmentProposed event) {
        amendments.proposed(event.amendmentId(), event.text(), event.amends());
    }

    @EventSourcingHandler
    void on(AmendmentAdopted event) {
        amendments.adopted(event.amendmentId(), event.amends());
        if (event.version() != null) {
            version = event.version();
        }
    }

    @EventSourcingHandler
    void on(AmendmentRejected event) {
        amendments.rejected(event.amendmentId());
    }

    @EventSourcingHandler
    void on(FileReferred event) {
        referredTo = event.bodyId();
    }

    @EventSourcingHandler
    void on(CosponsorAdded event) {
        cosponsors.add(event.person());
    }

    @EventSourcingHandler
    void on(CosponsorWithdrawn event) {
        cosponsors.remove(event.person());
    }
}
