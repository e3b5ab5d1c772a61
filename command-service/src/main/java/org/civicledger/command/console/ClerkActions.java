package org.civicledger.command.console;

import java.util.function.Supplier;
import org.civicledger.command.ledger.Ledger;
import org.civicledger.command.web.Refusals;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The console's one way to write: the command goes through the same {@link Ledger} as the API's, and a refusal comes
 * back as a value (never a thrown page), so the screen shows its rule and message beside the control and keeps what
 * the clerk typed. The refusal is the API's own ({@link Refusals}): same input, same rule, on both doors.
 */
@Component
public class ClerkActions {

    /** A refusal to show: the rule (stable), its message, the form field it is about (or null), the HTTP status. */
    public record Refusal(String rule, String message, String field, int status) {

        static Refusal of(ProblemDetail problem) {
            Object rule = problem.getProperties() == null ? null : problem.getProperties().get("rule");
            Object field = problem.getProperties() == null ? null : problem.getProperties().get("field");
            return new Refusal(rule == null ? "refused" : rule.toString(), problem.getDetail(),
                    field == null ? null : field.toString(), problem.getStatus());
        }

        /** The same refusal said about the console form's own field (the command's field names are the API's). */
        public Refusal about(String formField) {
            return new Refusal(rule, message, formField, status);
        }
    }

    /** What an action came to: recorded at {@code position} (with the command's result), or refused. */
    public record Done(long position, Object result, Refusal refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    private final Ledger ledger;

    ClerkActions(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Builds the command (which may itself refuse: a time that is not a time, a time in the future) and records it.
     * A failure that is not a refusal (a fault of ours) propagates to the console's error page.
     */
    public Done record(Supplier<?> command) {
        try {
            Ledger.Outcome<Object> outcome = ledger.record(command.get());
            return new Done(outcome.position(), outcome.result(), null);
        } catch (RuntimeException e) {
            return Refusals.of(e).map(problem -> new Done(0, null, Refusal.of(problem))).orElseThrow(() -> e);
        }
    }
}
