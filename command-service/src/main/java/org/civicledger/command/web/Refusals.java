package org.civicledger.command.web;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What a refused command answers, whichever door it came through: the API turns it into a problem document, the
 * console shows its rule's message beside the control. One mapping, so the same input gets the same rule on both.
 */
public final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {
    }

    /** The refusal a command's failure stands for, or empty when it is not a refusal (a fault of ours). */
    public static Optional<ProblemDetail> of(Throwable e) {
        if (e instanceof RuleViolation violation) {
            return Optional.of(ruleViolation(violation));
        }
        if (e instanceof AggregateNotFoundException missing) {
            return Optional.of(Problems.of(HttpStatus.NOT_FOUND, "not-found", "There is no record with id '"
                    + String.valueOf(missing.getAggregateIdentifier()).replaceFirst("^(person|body):", "") + "'."));
        }
        if (e instanceof AggregateStreamCreationException) {
            return Optional.of(Problems.of(HttpStatus.CONFLICT, "id-already-taken",
                    "A record with that id already exists."));
        }
        if (e instanceof ConcurrencyException) {
            // Two clerks changed the same record at once; the later one retries against the new state.
            return Optional.of(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                    "The record changed while this action was being recorded; please try again."));
        }
        if (e instanceof EventStoreException) {
            log.error("event store failure", e);
            return Optional.of(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "event-store-unavailable",
                    "The action could not be recorded right now; nothing was stored. Please try again."));
        }
        return Optional.empty();
    }

    static ProblemDetail ruleViolation(RuleViolation e) {
        HttpStatus status = switch (e.kind()) {
            case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = Problems.of(status, e.rule(), e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }
}
