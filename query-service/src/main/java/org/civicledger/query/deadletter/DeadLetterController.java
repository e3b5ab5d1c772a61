package org.civicledger.query.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The health of the public record is public: what could not be projected, and why. A clerk asks for a retry. */
@RestController
class DeadLetterController {

    private static final int MAX_LISTED = 1000;

    private final DeadLetters deadLetters;
    private final RetryRequests retries;

    DeadLetterController(DeadLetters deadLetters, RetryRequests retries) {
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    @GetMapping("/api/dead-letters")
    Map<String, Object> list() {
        DeadLetters.Counts counts = deadLetters.counts();
        return Map.of("items", deadLetters.list(MAX_LISTED).stream().map(DeadLetterController::item).toList(),
                "total", counts.deadLetters(), "failed", counts.failed(), "heldBack", counts.heldBack());
    }

    private static Map<String, Object> item(DeadLetters.DeadLetter letter) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("position", letter.position());
        item.put("eventId", letter.eventId());
        item.put("aggregateId", letter.aggregateId());
        item.put("type", letter.type());
        item.put("error", letter.error());
        item.put("heldBackBy", letter.heldBackBy());
        item.put("firstFailedAt", letter.firstFailedAt().toInstant());
        item.put("lastFailedAt", letter.lastFailedAt().toInstant());
        item.put("attempts", letter.attempts());
        return item;
    }

    /** Accepted, not done: the consumer retries between two polls, oldest first per aggregate. */
    @PostMapping("/api/dead-letters/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> retry() {
        retries.request();
        return Map.of("retry", "requested", "deadLetters", deadLetters.counts().deadLetters());
    }
}
