package org.civicledger.command.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Counts failed logins per account and per client address in a fixed window, and locks either once it reaches its
 * limit. In memory and per instance (a lock is lost on restart; acceptable for a brute-force brake, documented).
 * Caffeine bounds the memory and expires old windows; its frequency-based eviction keeps the hot keys (the address
 * under attack) when someone sprays many usernames to flush the table.
 */
final class LoginThrottle {

    private record Window(int failures, Instant start, Instant lockedUntil) {
    }

    private final LoginSettings settings;
    private final Clock clock;
    private final Cache<String, Window> windows;

    LoginThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Duration keep = settings.window().compareTo(settings.lockout()) > 0 ? settings.window() : settings.lockout();
        this.windows = Caffeine.newBuilder().maximumSize(settings.tracked()).expireAfterWrite(keep).build();
    }

    /** When the later of the two locks ends, or null if neither the account nor the address is locked. */
    Instant lockedUntil(String account, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : new String[] {accountKey(account), addressKey(address)}) {
            Window w = windows.getIfPresent(key);
            if (w != null && w.lockedUntil() != null && now.isBefore(w.lockedUntil())
                    && (until == null || w.lockedUntil().isAfter(until))) {
                until = w.lockedUntil();
            }
        }
        return until;
    }

    void failed(String account, String address) {
        count(accountKey(account), settings.maxFailuresPerAccount());
        count(addressKey(address), settings.maxFailuresPerAddress());
    }

    /** A correct password clears the account's count, not the address's: one known password must not reset it. */
    void succeeded(String account) {
        windows.invalidate(accountKey(account));
    }

    private void count(String key, int limit) {
        Instant now = clock.instant();
        windows.asMap().compute(key, (k, w) -> {
            if (w == null || !now.isBefore(w.start().plus(settings.window()))
                    && (w.lockedUntil() == null || !now.isBefore(w.lockedUntil()))) {
                w = new Window(0, now, null);
            }
            int failures = w.failures() + 1;
            return new Window(failures, w.start(), failures >= limit ? now.plus(settings.lockout()) : w.lockedUntil());
        });
    }

    /** Accounts are matched case-insensitively, as the account store does, so "Ada" and "ada" share a count. */
    private static String accountKey(String account) {
        return "account:" + String.valueOf(account).toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
