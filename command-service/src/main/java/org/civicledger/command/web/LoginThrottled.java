package org.civicledger.command.web;

import java.time.Instant;
import org.springframework.security.core.AuthenticationException;

/** A login refused without checking the password: too many recent failures for the account or the address. */
public class LoginThrottled extends AuthenticationException {

    public static final String RULE = "login-throttled";

    private final Instant until;

    LoginThrottled(Instant until) {
        super("Too many failed logins; try again later.");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
