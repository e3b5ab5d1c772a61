package org.civicledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginSettings(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(10), 1_000), clock);

    @Test
    void givenThreeFailuresForAnAccount_thenItIsLockedForTheLockoutWhateverTheAddress() {
        throttle.failed("ada", "10.0.0.1");
        throttle.failed("Ada", "10.0.0.2");
        assertThat(throttle.lockedUntil("ada", "10.0.0.3")).isNull();

        throttle.failed("ADA", "10.0.0.3");

        assertThat(throttle.lockedUntil("ada", "10.0.0.9")).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.lockedUntil("ada", "10.0.0.9")).isNull();
    }

    @Test
    void givenFailuresSpreadBeyondTheWindow_thenTheCountStartsAgain() {
        throttle.failed("bea", "10.0.1.1");
        throttle.failed("bea", "10.0.1.1");
        clock.advance(Duration.ofMinutes(16));

        throttle.failed("bea", "10.0.1.1");

        assertThat(throttle.lockedUntil("bea", "10.0.1.1")).isNull();
    }

    @Test
    void givenASuccess_thenTheAccountCountClearsButTheAddressCountDoesNot() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(i < 2 ? "cyd" : "user-" + i, "10.0.2.1");
        }
        throttle.succeeded("cyd");

        throttle.failed("cyd", "10.0.2.1");

        assertThat(throttle.lockedUntil("cyd", "10.0.2.2")).as("account: 1 failure since the success").isNull();
        assertThat(throttle.lockedUntil("someone", "10.0.2.1")).as("address: 5 failures").isNotNull();
    }

    @Test
    void accountNamesAreLoggedWithoutControlCharactersAndBounded() {
        assertThat(ThrottledLogin.printable("ada\r\nFAKE log line")).isEqualTo("ada??FAKE log line");
        assertThat(ThrottledLogin.printable("x".repeat(100))).hasSize(65).endsWith("…");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T18:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
