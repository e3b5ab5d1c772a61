package org.civicledger.command.roster;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.roster.VoteThresholdSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's lookup of registered people, bodies, their seats and rules. A subscribing processor fills it in the same
 * transaction that stores the event, so a rule that asks it never sees a half-recorded roster.
 */
@Component
@ProcessingGroup(RosterDirectory.GROUP)
public class RosterDirectory implements Roster {

    public static final String GROUP = "roster-directory";

    private final JdbcTemplate jdbc;

    public RosterDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    @DisallowReplay
    void on(PersonRegistered event) {
        insert("PERSON", event.personId());
    }

    @EventHandler
    @DisallowReplay
    void on(BodyCreated event) {
        insert("BODY", event.bodyId());
        jdbc.update("INSERT INTO body_rule (body_id, seats, quorum) VALUES (?, ?, ?)", event.bodyId(), event.seats(),
                QuorumRule.MAJORITY_SEATS.name());
    }

    @EventHandler
    @DisallowReplay
    void on(QuorumRuleSet event) {
        jdbc.update("UPDATE body_rule SET quorum = ? WHERE body_id = ?", event.quorum().name(), event.bodyId());
    }

    @EventHandler
    @DisallowReplay
    void on(VoteThresholdSet event) {
        jdbc.update("""
                INSERT INTO body_threshold_entry (body_id, motion, threshold) VALUES (?, ?, ?)
                ON CONFLICT (body_id, motion) DO UPDATE SET threshold = EXCLUDED.threshold""",
                event.bodyId(), event.motion().name(), event.threshold().name());
    }

    @EventHandler
    @DisallowReplay
    void on(SeatAssigned event) {
        jdbc.update("INSERT INTO seat_entry (body_id, person_id, from_date, to_date) VALUES (?, ?, ?, ?)",
                event.bodyId(), event.personId(), Date.valueOf(event.from()),
                event.to() == null ? null : Date.valueOf(event.to()));
    }

    private void insert(String kind, String id) {
        jdbc.update("INSERT INTO roster_entry (kind, id) VALUES (?, ?)", kind, id);
    }

    @Override
    public boolean isPersonRegistered(String personId) {
        return exists("PERSON", personId);
    }

    @Override
    public boolean isBodyCreated(String bodyId) {
        return exists("BODY", bodyId);
    }

    @Override
    public Set<String> seatedOn(String bodyId, LocalDate date) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT person_id FROM seat_entry
                WHERE body_id = ? AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)""",
                String.class, bodyId, Date.valueOf(date), Date.valueOf(date)));
    }

    @Override
    public BodyRules rulesOf(String bodyId) {
        Map<MotionKind, VoteThreshold> thresholds = new EnumMap<>(MotionKind.class);
        jdbc.query("SELECT motion, threshold FROM body_threshold_entry WHERE body_id = ?",
                rs -> { thresholds.put(MotionKind.valueOf(rs.getString(1)), VoteThreshold.valueOf(rs.getString(2))); },
                bodyId);
        return jdbc.query("SELECT seats, quorum FROM body_rule WHERE body_id = ?",
                        (rs, n) -> new BodyRules(rs.getInt("seats"), QuorumRule.valueOf(rs.getString("quorum")),
                                thresholds), bodyId)
                .stream().findFirst().orElseThrow(() -> new IllegalStateException("no rules for body " + bodyId));
    }

    private boolean exists(String kind, String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM roster_entry WHERE kind = ? AND id = ?)", Boolean.class, kind, id));
    }
}
