package org.civicledger.command.file;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.civicledger.events.file.FileActedOn.Action;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Results act on the file. A subscribing handler: the file's command runs inside the vote's own transaction, so a
 * vote and what it did to the file are recorded together or not at all.
 */
@Component
@ProcessingGroup(VoteOutcomes.GROUP)
public class VoteOutcomes {

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
        jdbc.update("INSERT INTO motion_entry (motion_id, refer_to) VALUES (?, ?)", event.motionId(), event.referTo());
    }

    @EventHandler
    @DisallowReplay
    void on(VoteRecorded vote) {
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
            default -> {
                // AMEND, TABLE, TAKE_FROM_TABLE, RECONSIDER: not yet accepted as motions (MotionRules).
            }
        }
    }

    private void act(VoteRecorded vote, Action action) {
        commands.sendAndWait(new RecordFileAction(vote.fileId(), action, vote.meetingId(), vote.motionId(),
                vote.occurredAt()));
    }

    private String referTo(String motionId) {
        List<String> body = jdbc.queryForList("SELECT refer_to FROM motion_entry WHERE motion_id = ?", String.class,
                motionId);
        return body.isEmpty() ? null : body.get(0);
    }
}
