package org.civicledger.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    private final ObjectMapper json = new ObjectMapper();

    private boolean keeps(int status, String rule) {
        return KeptAnswers.keeps(status, ("{\"rule\":\"" + rule + "\"}").getBytes(StandardCharsets.UTF_8), json);
    }

    @Test
    void successesAndRuleRefusalsAreKept() {
        assertThat(keeps(200, "")).isTrue();
        assertThat(keeps(201, "")).isTrue();
        assertThat(keeps(400, "invalid-request")).isTrue();
        assertThat(keeps(404, "not-found")).isTrue();
        assertThat(keeps(409, "person-already-registered")).isTrue();
        assertThat(keeps(422, "occurred-at-in-future")).isTrue();
    }

    @Test
    void answersThatSayTryAgainAreNotKeptSoTheRetryRuns() {
        assertThat(keeps(500, "internal-error")).isFalse();
        assertThat(keeps(503, "event-store-unavailable")).isFalse();
        assertThat(keeps(409, "concurrent-change")).isFalse();
        assertThat(keeps(429, "login-throttled")).isFalse();
        assertThat(keeps(401, "clerk-login-required")).isFalse();
        assertThat(keeps(302, "")).isFalse();
        assertThat(KeptAnswers.keeps(404, new byte[0], json)).as("the container's refusal").isFalse();
        assertThat(KeptAnswers.keeps(409, "not json".getBytes(StandardCharsets.UTF_8), json)).isTrue();
    }

    @Test
    void aKeyIsOneValueOfOneTo255VisibleAsciiCharacters() {
        assertThat(IdempotencyKey.valid(List.of("a"))).isEqualTo("a");
        assertThat(IdempotencyKey.valid(List.of("~".repeat(255)))).hasSize(255);
        assertThat(IdempotencyKey.valid(List.of(""))).isNull();
        assertThat(IdempotencyKey.valid(List.of("x".repeat(256)))).isNull();
        assertThat(IdempotencyKey.valid(List.of("a b"))).isNull();
        assertThat(IdempotencyKey.valid(List.of("a\r\nSet-Cookie: x=1"))).isNull();
        assertThat(IdempotencyKey.valid(List.of("clé"))).isNull();
        assertThat(IdempotencyKey.valid(List.of("a", "a"))).isNull();
        assertThat(IdempotencyKey.valid(List.of())).isNull();
    }
}
