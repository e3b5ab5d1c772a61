package org.civicledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

class VerifiedCredentialsCacheTest {

    private final AtomicInteger checks = new AtomicInteger();

    /** Stands in for bcrypt: accepts only clerk / right, counting how often it is asked. */
    private final AuthenticationProvider slowCheck = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication request) {
            checks.incrementAndGet();
            if (request.getName().equals("clerk") && "right".equals(request.getCredentials())) {
                return UsernamePasswordAuthenticationToken.authenticated("clerk", null,
                        AuthorityUtils.createAuthorityList("ROLE_CLERK"));
            }
            throw new BadCredentialsException("bad credentials");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private static Authentication login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aVerifiedLoginIsNotCheckedAgainWithinTheTtl() {
        var cache = new VerifiedCredentialsCache(slowCheck, Duration.ofMinutes(5), Clock.systemUTC());

        cache.authenticate(login("clerk", "right"));
        Authentication again = cache.authenticate(login("clerk", "right"));

        assertThat(again.isAuthenticated()).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndRefusedEvenAfterTheRightOneWasCached() {
        var cache = new VerifiedCredentialsCache(slowCheck, Duration.ofMinutes(5), Clock.systemUTC());
        cache.authenticate(login("clerk", "right"));

        assertThatThrownBy(() -> cache.authenticate(login("clerk", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(login("clerk", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void anExpiredEntryIsCheckedAgain() {
        Instant start = Instant.parse("2017-02-07T18:30:00Z");
        var clock = new Clock() {
            Instant now = start;

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        var cache = new VerifiedCredentialsCache(slowCheck, Duration.ofMinutes(5), clock);
        cache.authenticate(login("clerk", "right"));

        clock.now = start.plus(Duration.ofMinutes(6));
        cache.authenticate(login("clerk", "right"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void loginsThatMissAtTheSameMomentShareOneCheck() throws Exception {
        var release = new java.util.concurrent.CountDownLatch(1);
        AuthenticationProvider blockingCheck = new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return slowCheck.authenticate(request);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
        var cache = new VerifiedCredentialsCache(blockingCheck, Duration.ofMinutes(5), Clock.systemUTC());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        var logins = new java.util.ArrayList<java.util.concurrent.Future<Authentication>>();
        for (int i = 0; i < 16; i++) {
            logins.add(pool.submit(() -> cache.authenticate(login("clerk", "right"))));
        }
        Thread.sleep(200);    // all 16 are now waiting on the one check
        release.countDown();

        for (var l : logins) {
            assertThat(l.get().isAuthenticated()).isTrue();
        }
        pool.shutdown();
        assertThat(checks).hasValue(1);
    }

    @Test
    void aSharedCheckThatRefusesRefusesEveryoneWaitingOnIt() throws Exception {
        var cache = new VerifiedCredentialsCache(slowCheck, Duration.ofMinutes(5), Clock.systemUTC());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        var logins = new java.util.ArrayList<java.util.concurrent.Future<Authentication>>();
        for (int i = 0; i < 4; i++) {
            logins.add(pool.submit(() -> cache.authenticate(login("clerk", "wrong"))));
        }
        for (var l : logins) {
            assertThatThrownBy(l::get).hasCauseInstanceOf(BadCredentialsException.class);
        }
        pool.shutdown();
    }
}
