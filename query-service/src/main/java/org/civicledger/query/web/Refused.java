package org.civicledger.query.web;

import org.springframework.http.HttpStatus;

/** A well-formed request the record cannot answer as asked, with the rule that says why. */
public class Refused extends RuntimeException {

    private final HttpStatus status;
    private final String rule;

    public Refused(HttpStatus status, String rule, String message) {
        super(message);
        this.status = status;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }
}
