package org.civicledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.events.StorableText;
import org.civicledger.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as application/problem+json: {@code rule} names the rule that refused the command, {@code detail}
 * says why. Framework errors (malformed JSON, wrong method) keep Spring's statuses, also as problems.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static ProblemDetail problem(HttpStatusCode status, String rule, String detail) {
        return Problems.of(status, rule, detail);
    }

    /** A command's refusal: the one mapping the console uses too ({@link Refusals}). */
    @ExceptionHandler({RuleViolation.class, AggregateNotFoundException.class, AggregateStreamCreationException.class,
            ConcurrencyException.class, EventStoreException.class})
    ProblemDetail refused(Exception e) {
        return Refusals.of(e).orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'.");
    }

    /** A fault of ours, not the clerk's: still a problem document, with nothing internal in it. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; the action may not have been recorded.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.<String, Object>of("field", f.getField(),
                        "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request",
                "The request has invalid or missing fields: " + errors.stream()
                        .map(m -> m.get("field") + " " + m.get("message")).sorted().toList());
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Says where the JSON went wrong (which field, what value) instead of Spring's "Failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this action.";
        if (e.getCause() instanceof StorableTextModule.InvalidText invalid) {
            String field = fieldPath(invalid);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, StorableText.RULE,
                    "Field '" + field + "' contains text that cannot be recorded: " + invalid.getOriginalMessage() + ".");
            problem.setProperty("field", field);
            return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail = "Field '" + fieldPath(mapping) + "' has a value of the wrong type or format.";
        } else if (e.getCause() instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
            detail = "The request body is not valid JSON (line " + parsing.getLocation().getLineNr() + ", column "
                    + parsing.getLocation().getColumnNr() + ").";
        }
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "malformed-request", detail), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    private static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** Spring's own problems (unsupported method or media type…) get a rule name too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("rule"))) {
            String rule = status.value() == 400 ? "malformed-request" : "http-" + status.value();
            problem.setProperty("rule", rule);
            problem.setType(URI.create("urn:civic-ledger:problem:" + rule));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
