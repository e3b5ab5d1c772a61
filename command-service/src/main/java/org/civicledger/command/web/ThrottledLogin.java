package org.civicledger.command.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check, console form and API Basic alike, passes the throttle first: a locked account or address is
 * refused before its password is looked at (so a correct guess during the lock reveals nothing). Failures and
 * refusals are logged with the account and the client address; the password never is.
 */
final class ThrottledLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledLogin.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledLogin(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String account = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails web
                ? String.valueOf(web.getRemoteAddress()) : "unknown";
        var until = throttle.lockedUntil(account, address);
        if (until != null) {
            log.warn("login refused while locked: account '{}' from {} (until {})", printable(account), address, until);
            throw new LoginThrottled(until);
        }
        try {
            Authentication result = delegate.authenticate(request);
            throttle.succeeded(account);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(account, address);
            log.warn("login failed: account '{}' from {}", printable(account), address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** The account name as typed, safe for one log line: no control characters, at most 64 characters. */
    static String printable(String text) {
        StringBuilder safe = new StringBuilder();
        String value = String.valueOf(text);
        value.codePoints().limit(64).forEach(c -> safe.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c));
        return value.codePointCount(0, value.length()) > 64 ? safe + "…" : safe.toString();
    }
}
