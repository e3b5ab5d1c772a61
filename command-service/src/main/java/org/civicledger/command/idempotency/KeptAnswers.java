package org.civicledger.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * Which answers a key keeps. Successes and rule refusals are the request's result and are replayed; anything that
 * says "try again" is not, so the retry runs: server faults (5xx, e.g. 503 event-store-unavailable), 408, 425, 429,
 * the login refusals (401/403, never the command's result), 409 concurrent-change (the record moved underneath),
 * and a 4xx without a body (the container's own refusal, not a rule's).
 */
final class KeptAnswers {

    private static final Set<Integer> RETRYABLE_4XX = Set.of(401, 403, 408, 425, 429);
    private static final Set<String> RETRYABLE_RULES = Set.of("concurrent-change", "idempotency-key-in-flight");

    private KeptAnswers() {
    }

    static boolean keeps(int status, byte[] body, ObjectMapper json) {
        if (status >= 200 && status < 300 || status == 303) {
            return true;   // 303: the console's redirect after a recorded action (post/redirect/get)
        }
        if (status < 400 || status >= 500 || RETRYABLE_4XX.contains(status) || body.length == 0) {
            return false;
        }
        return status != 409 || !RETRYABLE_RULES.contains(rule(body, json));
    }

    private static String rule(byte[] body, ObjectMapper json) {
        try {
            JsonNode rule = json.readTree(body).path("rule");
            return rule.isTextual() ? rule.asText() : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
