package org.civicledger.query.roster;

import java.sql.Date;
import java.sql.Timestamp;
import org.civicledger.events.CivicEvent;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.VoteThresholdSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** People, bodies (with their quorum rule) and seats. */
@Component
public class RosterProjection implements Projection {

    private final JdbcTemplate jdbc;

    RosterProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(EventEnvelope envelope, CivicEvent event) {
        if (event instanceof PersonRegistered e) {
            jdbc.update("INSERT INTO person (person_id, name, registered_at) VALUES (?, ?, ?)",
                    e.personId(), e.name(), Timestamp.from(e.occurredAt()));
        } else if (event instanceof BodyCreated e) {
            jdbc.update("INSERT INTO body (body_id, name, kind, seats) VALUES (?, ?, ?, ?)",
                    e.bodyId(), e.name(), e.kind().name(), e.seats());
        } else if (event instanceof SeatAssigned e) {
            jdbc.update("INSERT INTO seat (body_id, person_id, role, from_date, to_date) VALUES (?, ?, ?, ?, ?)",
                    e.bodyId(), e.personId(), e.role().name(), Date.valueOf(e.from()),
                    e.to() == null ? null : Date.valueOf(e.to()));
        } else if (event instanceof QuorumRuleSet e) {
            jdbc.update("UPDATE body SET quorum = ? WHERE body_id = ?", e.quorum().name(), e.bodyId());
        } else if (event instanceof VoteThresholdSet e) {
            jdbc.update("""
                    INSERT INTO body_threshold (body_id, motion, threshold) VALUES (?, ?, ?)
                    ON CONFLICT (body_id, motion) DO UPDATE SET threshold = EXCLUDED.threshold""",
                    e.bodyId(), e.motion().name(), e.threshold().name());
        }
    }

    public Body body(String bodyId) {
        return jdbc.query("SELECT body_id, name, seats, quorum FROM body WHERE body_id = ?",
                        (rs, n) -> new Body(rs.getString("body_id"), rs.getString("name"), rs.getInt("seats"),
                                QuorumRule.valueOf(rs.getString("quorum"))), bodyId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("body", bodyId));
    }

    public void requirePerson(String personId) {
        if (jdbc.queryForList("SELECT 1 FROM person WHERE person_id = ?", personId).isEmpty()) {
            throw NotFound.of("person", personId);
        }
    }
}
