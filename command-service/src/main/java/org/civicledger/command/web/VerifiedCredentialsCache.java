package org.civicledger.command.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.civicledger.events.Sha256;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers, for a few minutes, credentials that bcrypt has already verified. HTTP Basic sends the password with
 * every request and a bcrypt check costs about 70 ms of CPU here, which alone capped writes at ~25 per second on two
 * cores. Entries are keyed by a salted SHA-256 of user and password (the salt is random per process), so the
 * cache holds no password; a changed or removed account takes effect when the entry expires.
 * Hand-written because Spring Security's UserCache caches the user record, not the outcome of the password check.
 * Requests that miss at the same moment with the same credentials (16 clients when an entry expires) share one
 * bcrypt check instead of running one each.
 */
final class VerifiedCredentialsCache implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 1_000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Authentication>> checking = new ConcurrentHashMap<>();

    VerifiedCredentialsCache(AuthenticationProvider delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    private record Verified(Authentication authentication, Instant until) {
    }

    @Override
    public Authentication authenticate(Authentication request) {
        if (!(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        String key = key(request.getName(), password);
        Instant now = clock.instant();
        Verified hit = verified.get(key);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.authentication();
        }
        CompletableFuture<Authentication> mine = new CompletableFuture<>();
        CompletableFuture<Authentication> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return awaitShared(running);
        }
        try {
            Authentication result = delegate.authenticate(request);
            if (result != null && result.isAuthenticated()) {
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
                verified.put(key, new Verified(result, now.plus(ttl)));
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(key, mine);
        }
    }

    private static Authentication awaitShared(CompletableFuture<Authentication> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String key(String username, String password) {
        MessageDigest sha = Sha256.digest();
        sha.update(salt);
        sha.update(username.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }
}
