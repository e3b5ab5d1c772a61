package org.civicledger.command.policy;

import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.civicledger.command.meeting.Motions;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Results act on the file, as {@link VotePolicy} decides. A subscribing handler: the file's command runs inside the
 * vote's own transaction, so a vote and what it did to the file are recorded together or not at all. It remembers
 * each motion's meeting, kind and file and its result, for rules that look across meetings ({@link Motions}); the
 * vote itself carries what its motion named. (motion_entry's refer_to, amendment_id and reconsiders columns are no
 * longer written: rows from before keep them, nothing reads them.)
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
                INSERT INTO motion_entry (motion_id, meeting_id, kind, file_id) VALUES (?, ?, ?, ?)""",
                event.motionId(), event.meetingId(), event.kind().name(), event.fileId());
    }

    @EventHandler
    @DisallowReplay
    void on(VoteRecorded vote) {
        recordResult(vote.motionId(), vote.result());
        send(VotePolicy.decide(vote));
    }

    @EventHandler
    @DisallowReplay
    void on(VoteCorrected correction, @MessageIdentifier String correctionId) {
        recordResult(correction.motionId(), correction.result());
        send(VotePolicy.decide(correction, correctionId));
    }

    @Override
    public boolean passedPlainAdopt(String meetingId, String motionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM motion_entry WHERE motion_id = ? AND meeting_id = ? AND kind = 'ADOPT'
                               AND file_id IS NULL AND result = 'PASSED')""", Boolean.class, motionId, meetingId));
    }

    private void send(List<Object> decided) {
        decided.forEach(commands::sendAndWait);
    }

    private void recordResult(String motionId, VoteRecorded.Result result) {
        jdbc.update("UPDATE motion_entry SET result = ? WHERE motion_id = ?", result.name(), motionId);
    }
}
