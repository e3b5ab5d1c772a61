package org.civicledger.command.file;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.civicledger.command.meeting.Motions;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Results act on the file. A subscribing handler: the file's command runs inside the vote's own transaction, so a
 * vote and what it did to the file are recorded together or not at all. It also remembers each motion's result.
 */
@Component
@ProcessingGroup(VoteOutcomes.GROUP)
public class VoteOutcomes implements Motions {

    public static final String GROUP = "vote-outcomes";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    public VoteOutcomes(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(MotionMade event) {
        jdbc.update("""
                INSERT INTO motion_entry (motion_id, meeting_id, kind, file_id, refer_to, amendment_id, reconsiders)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", event.motionId(), event.meetingId(), event.kind().name(),
                event.fileId(), event.referTo(), event.amendmentId(), event.reconsiders());
    }

    @Override
    public boolean passedPlainAdopt(String meetingId, String motionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM motion_entry WHERE motion_id = ? AND meeting_id = ? AND kind = 'ADOPT'
                               AND file_id IS NULL AND result = 'PASSED')""", Boolean.class, motionId, meetingId));
    }

    private void recordResult(String motionId, Result result) {
        jdbc.update("UPDATE motion_entry SET result = ? WHERE motion_id = ?", result.name(), motionId);
    }

    @EventHandler
    @DisallowReplay
    void on(VoteRecorded vote) {
        recordResult(vote.motionId(), vote.result());
        if (vote.fileId() == null) {
            return;
        }
        boolean passed = vote.result() == Result.PASSED;
        switch (vote.kind()) {
            case ADOPT, ADOPT_UNDER_SUSPENSION -> act(vote, passed ? Action.ADOPTED : Action.FAILED);
            case PLACE_ON_FILE -> {
                if (passed) {
                    act(vote, Action.PLACED_ON_FILE);
                }
            }
            case WITHDRAW -> {
                if (passed) {
                    act(vote, Action.WITHDRAWN);
                }
            }
            case REFER -> {
                if (passed) {
                    commands.sendAndWait(new ReferFile(vote.fileId(), referTo(vote.motionId()), vote.occurredAt()));
                }
            }
            case AMEND -> commands.sendAndWait(new DecideAmendment(vote.fileId(), amendmentOf(vote.motionId()),
                    passed, vote.meetingId(), vote.motionId(), vote.occurredAt()));
            case RECONSIDER -> {
                if (passed) {
                    commands.sendAndWait(new ReopenFile(vote.fileId(), vote.meetingId(),
                            motionEntry("reconsiders", vote.motionId()), vote.motionId(), vote.occurredAt()));
                }
            }
            default -> {
                // TABLE and TAKE_FROM_TABLE act on the meeting's agenda, not on the file.
            }
        }
    }

    /** Only ADOPT results can be corrected into another result (Meeting refuses the rest), so only they act here. */
    @EventHandler
    @DisallowReplay
    void on(VoteCorrected correction, @MessageIdentifier String correctionId) {
        recordResult(correction.motionId(), correction.result());
        if (correction.fileId() != null && (correction.kind() == MotionKind.ADOPT
                || correction.kind() == MotionKind.ADOPT_UNDER_SUSPENSION)) {
            commands.sendAndWait(new CorrectFileAction(correction.fileId(),
                    correction.result() == Result.PASSED ? Action.ADOPTED : Action.FAILED, correction.meetingId(),
                    correction.motionId(), correctionId, correction.reason(), correction.occurredAt()));
        }
    }

    private void act(VoteRecorded vote, Action action) {
        commands.sendAndWait(new RecordFileAction(vote.fileId(), action, vote.meetingId(), vote.motionId(),
                vote.occurredAt()));
    }

    private String referTo(String motionId) {
        return motionEntry("refer_to", motionId);
    }

    private String amendmentOf(String motionId) {
        return motionEntry("amendment_id", motionId);
    }

    private String motionEntry(String column, String motionId) {
        List<String> values = jdbc.queryForList("SELECT " + column + " FROM motion_entry WHERE motion_id = ?",
                String.class, motionId);
        return values.isEmpty() ? null : values.get(0);
    }
}
