package org.civicledger.command.ledger;

/**
 * A command refused by a business rule. {@code rule} is a stable, kebab-case name clients can act on;
 * the message says why in words a clerk understands.
 */
public class RuleViolation extends RuntimeException {

    /** How the refusal maps onto HTTP: malformed (400), the state forbids it (409), unacceptable (422), unknown (404). */
    public enum Kind { BAD_REQUEST, CONFLICT, UNPROCESSABLE, NOT_FOUND }

    private final String rule;
    private final Kind kind;
    private final String field;

    private RuleViolation(Kind kind, String rule, String message) {
        this(kind, rule, message, null);
    }

    private RuleViolation(Kind kind, String rule, String message, String field) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    /** A request field (or parameter) whose value breaks {@code rule}; the problem document names it. */
    public static RuleViolation badField(String rule, String field, String message) {
        return new RuleViolation(Kind.BAD_REQUEST, rule, message, field);
    }

    public static RuleViolation badRequest(String rule, String message) {
        return new RuleViolation(Kind.BAD_REQUEST, rule, message);
    }

    public static RuleViolation conflict(String rule, String message) {
        return new RuleViolation(Kind.CONFLICT, rule, message);
    }

    public static RuleViolation unprocessable(String rule, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, rule, message);
    }

    public static RuleViolation notFound(String rule, String message) {
        return new RuleViolation(Kind.NOT_FOUND, rule, message);
    }

    public String rule() {
        return rule;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending field or parameter, or null when the rule concerns the request as a whole. */
    public String field() {
        return field;
    }
}
