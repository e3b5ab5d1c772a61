package org.civicledger.query.roster;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.QuorumRuleSet;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.roster.VoteThresholdSet;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** People, bodies (with their quorum rule) and seats. */
@Component
public class RosterProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    RosterProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Handles
    void on(PersonRegistered e) {
        writes.update(Rows.of("person", e.personId()),
                "INSERT INTO person (person_id, name, registered_at) VALUES (?, ?, ?)",
                e.personId(), e.name(), Timestamp.from(e.occurredAt()));
    }

    @Handles
    void on(BodyCreated e) {
        writes.update(Rows.of("body", e.bodyId()), "INSERT INTO body (body_id, name, kind, seats) VALUES (?, ?, ?, ?)",
                e.bodyId(), e.name(), e.kind().name(), e.seats());
    }

    @Handles
    void on(SeatAssigned e) {
        writes.update(Rows.of("body", e.bodyId()),
                "INSERT INTO seat (body_id, person_id, role, from_date, to_date) VALUES (?, ?, ?, ?, ?)",
                e.bodyId(), e.personId(), e.role().name(), Date.valueOf(e.from()),
                e.to() == null ? null : Date.valueOf(e.to()));
    }

    @Handles
    void on(QuorumRuleSet e) {
        writes.update(Rows.of("body", e.bodyId()), "UPDATE body SET quorum = ? WHERE body_id = ?", e.quorum().name(),
                e.bodyId());
    }

    @Handles
    void on(VoteThresholdSet e) {
        writes.update(Rows.of("body", e.bodyId()), """
                INSERT INTO body_threshold (body_id, motion, threshold) VALUES (?, ?, ?)
                ON CONFLICT (body_id, motion) DO UPDATE SET threshold = EXCLUDED.threshold""",
                e.bodyId(), e.motion().name(), e.threshold().name());
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

    /** People by name, as the API shows them. */
    List<Map<String, Object>> people() {
        return jdbc.queryForList("SELECT person_id AS \"personId\", name FROM person ORDER BY name");
    }

    Optional<Map<String, Object>> person(String personId) {
        return jdbc.queryForList("SELECT person_id AS \"personId\", name FROM person WHERE person_id = ?", personId)
                .stream().findFirst();
    }

    List<Map<String, Object>> bodies() {
        return jdbc.queryForList("SELECT body_id AS \"bodyId\", name, kind, seats, quorum FROM body ORDER BY name");
    }

    Optional<Map<String, Object>> bodyRow(String bodyId) {
        return jdbc.queryForList("SELECT body_id AS \"bodyId\", name, kind, seats, quorum FROM body WHERE body_id = ?",
                bodyId).stream().findFirst();
    }

    List<Map<String, Object>> seats(String bodyId) {
        return jdbc.queryForList("""
                SELECT person_id AS "person", role, from_date AS "from", to_date AS "to"
                FROM seat WHERE body_id = ? ORDER BY from_date, person_id""", bodyId);
    }

    /** Every kind of motion with the ayes it needs: the body's own setting or the default, MAJORITY_CAST. */
    Map<String, String> thresholds(String bodyId) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        for (MotionKind motion : MotionKind.values()) {
            thresholds.put(motion.name(), VoteThreshold.MAJORITY_CAST.name());
        }
        jdbc.query("SELECT motion, threshold FROM body_threshold WHERE body_id = ?",
                rs -> { thresholds.put(rs.getString("motion"), rs.getString("threshold")); }, bodyId);
        return thresholds;
    }
}
