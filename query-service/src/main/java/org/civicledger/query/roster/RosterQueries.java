package org.civicledger.query.roster;

import java.util.List;
import java.util.Map;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RosterQueries {

    private final JdbcTemplate jdbc;

    RosterQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/people")
    Map<String, Object> people() {
        return Map.of("items", jdbc.queryForList(
                "SELECT person_id AS \"personId\", name FROM person ORDER BY name"));
    }

    @GetMapping("/api/people/{personId}")
    Map<String, Object> person(@PathVariable String personId) {
        return jdbc.queryForList("SELECT person_id AS \"personId\", name FROM person WHERE person_id = ?", personId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("person", personId));
    }

    @GetMapping("/api/bodies")
    Map<String, Object> bodies() {
        return Map.of("items", jdbc.queryForList(
                "SELECT body_id AS \"bodyId\", name, kind, seats, quorum FROM body ORDER BY name"));
    }

    @GetMapping("/api/bodies/{bodyId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Map<String, Object> body(@PathVariable String bodyId) {
        Map<String, Object> body = jdbc.queryForList(
                        "SELECT body_id AS \"bodyId\", name, kind, seats, quorum FROM body WHERE body_id = ?", bodyId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("body", bodyId));
        List<Map<String, Object>> seats = jdbc.queryForList("""
                SELECT person_id AS "person", role, from_date AS "from", to_date AS "to"
                FROM seat WHERE body_id = ? ORDER BY from_date, person_id""", bodyId);
        body.put("members", seats);
        return body;
    }
}
