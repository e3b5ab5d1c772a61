package org.civicledger.query.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RosterQueries {

    private final JdbcTemplate jdbc;

    RosterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/people")
    public Map<String, Object> people() {
        return Map.of("items", jdbc.queryForList(
                "SELECT person_id AS \"personId\", name FROM person ORDER BY name"));
    }

    @GetMapping("/api/people/{personId}")
    public Map<String, Object> person(@PathVariable String personId) {
        return jdbc.queryForList("SELECT person_id AS \"personId\", name FROM person WHERE person_id = ?", personId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("person", personId));
    }

    @GetMapping("/api/bodies")
    public Map<String, Object> bodies() {
        return Map.of("items", jdbc.queryForList(
                "SELECT body_id AS \"bodyId\", name, kind, seats, quorum FROM body ORDER BY name"));
    }

    @GetMapping("/api/bodies/{bodyId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> body(@PathVariable String bodyId) {
        Map<String, Object> body = jdbc.queryForList(
                        "SELECT body_id AS \"bodyId\", name, kind, seats, quorum FROM body WHERE body_id = ?", bodyId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("body", bodyId));
        List<Map<String, Object>> seats = jdbc.queryForList("""
                SELECT person_id AS "person", role, from_date AS "from", to_date AS "to"
                FROM seat WHERE body_id = ? ORDER BY from_date, person_id""", bodyId);
        body.put("members", seats);
        body.put("thresholds", thresholds(bodyId));
        return body;
    }

    /** Every kind of motion with the ayes it needs: the body's own setting or the default, MAJORITY_CAST. */
    private Map<String, String> thresholds(String bodyId) {
        Map<String, String> thresholds = new LinkedHashMap<>();
        for (MotionKind motion : MotionKind.values()) {
            thresholds.put(motion.name(), VoteThreshold.MAJORITY_CAST.name());
        }
        jdbc.query("SELECT motion, threshold FROM body_threshold WHERE body_id = ?",
                rs -> { thresholds.put(rs.getString("motion"), rs.getString("threshold")); }, bodyId);
        return thresholds;
    }
}
