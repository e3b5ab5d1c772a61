package org.civicledger.command.meeting;

import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.civicledger.events.Sha256;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Approving a meeting's minutes, which looks across meetings: the meeting must be adjourned and its minutes not yet
 * approved (the {@link Meeting}'s rule), the text must be the one whose hash the clerk read, and the approval must be
 * a passed ADOPT motion of another meeting ({@link Motions}). The event is the meeting's own, in its stream.
 */
@Component
public class MinutesApproval {

    private final Supplier<Repository<Meeting>> meetings;
    private final Motions decided;

    /** The repository is Axon's, built after the beans that handle commands: looked up when first needed. */
    @Autowired
    MinutesApproval(ObjectProvider<Configuration> axon, Motions decided) {
        this(() -> axon.getObject().repository(Meeting.class), decided);
    }

    MinutesApproval(Supplier<Repository<Meeting>> meetings, Motions decided) {
        this.meetings = meetings;
        this.decided = decided;
    }

    /** Freezes the text the council approved; the hash proves the text is the one the clerk read. */
    @CommandHandler
    public void handle(ApproveMinutes command) {
        Aggregate<Meeting> meeting = meetings.get().load(command.meetingId());
        meeting.execute(Meeting::requireMinutesOpen);
        if (!Sha256.hex(command.text()).equals(command.sha256())) {
            throw RuleViolation.unprocessable("minutes-hash-mismatch",
                    "The SHA-256 given is not the SHA-256 of the text given.");
        }
        if (command.approvingMeetingId().equals(command.meetingId())
                || !decided.passedPlainAdopt(command.approvingMeetingId(), command.motionId())) {
            throw RuleViolation.unprocessable("minutes-need-a-passed-motion", "Minutes are approved by a passed "
                    + "ADOPT motion on a plain agenda item of a later meeting; that motion is not one.");
        }
        meeting.execute(m -> m.approveMinutes(command));
    }
}
