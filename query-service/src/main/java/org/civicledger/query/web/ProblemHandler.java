package org.civicledger.query.web;

import org.civicledger.web.Problems;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as application/problem+json with a {@code rule} a client can act on. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static ProblemDetail problem(HttpStatusCode status, String rule, String detail) {
        return Problems.of(status, rule, detail);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.rule(), e.getMessage());
    }

    @ExceptionHandler(Refused.class)
    ProblemDetail refused(Refused e) {
        return problem(e.status(), e.rule(), e.getMessage());
    }

    @ExceptionHandler(BadParameter.class)
    ProblemDetail badParameter(BadParameter e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'.");
    }

    /** PostgreSQL is away or overloaded: a clean 503 the reader can retry, never a 500. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.warn("read store unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "read-store-unavailable",
                        "The public record cannot be read right now; please try again shortly."));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Something went wrong on our side.");
    }

    /** Spring's own problems (unsupported method or media type…) get a rule name too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("rule"))) {
            String rule = status.value() == 404 ? "not-found" : "http-" + status.value();
            problem.setProperty("rule", rule);
            problem.setType(URI.create("urn:civic-ledger:problem:" + rule));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
