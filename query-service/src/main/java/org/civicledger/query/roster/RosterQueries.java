package org.civicledger.query.roster;

import java.util.Map;
import org.civicledger.query.web.NotFound;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class RosterQueries {

    private final RosterProjection roster;

    RosterQueries(RosterProjection roster) {
        this.roster = roster;
    }

    @GetMapping("/api/people")
    public Map<String, Object> people() {
        return Map.of("items", roster.people());
    }

    @GetMapping("/api/people/{personId}")
    public Map<String, Object> person(@PathVariable String personId) {
        return roster.person(personId).orElseThrow(() -> NotFound.of("person", personId));
    }

    @GetMapping("/api/bodies")
    public Map<String, Object> bodies() {
        return Map.of("items", roster.bodies());
    }

    @GetMapping("/api/bodies/{bodyId}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Map<String, Object> body(@PathVariable String bodyId) {
        Map<String, Object> body = roster.bodyRow(bodyId).orElseThrow(() -> NotFound.of("body", bodyId));
        body.put("members", roster.seats(bodyId));
        body.put("thresholds", roster.thresholds(bodyId));
        return body;
    }
}
