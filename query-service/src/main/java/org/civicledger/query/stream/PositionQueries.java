package org.civicledger.query.stream;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How far the public record has got: every event up to this position has been applied or parked as a dead letter. */
@RestController
class PositionQueries {

    private final ProjectionPosition position;

    PositionQueries(ProjectionPosition position) {
        this.position = position;
    }

    @GetMapping("/api/position")
    Map<String, Object> position() {
        return Map.of("position", position.current());
    }
}
