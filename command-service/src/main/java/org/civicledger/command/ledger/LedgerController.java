package org.civicledger.command.ledger;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The head of the event store. A client that recorded nothing new (e.g. a re-run refused with 409) can still wait
 * for the query side to catch up with everything recorded so far by passing this as {@code minPosition}.
 */
@RestController
class LedgerController {

    private final EventPositions positions;

    LedgerController(EventPositions positions) {
        this.positions = positions;
    }

    @GetMapping("/api/position")
    Map<String, Long> head() {
        return Map.of("position", positions.head());
    }
}
