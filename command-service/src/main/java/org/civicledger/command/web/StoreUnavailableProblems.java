package org.civicledger.command.web;

import org.civicledger.web.Problems;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.common.jdbc.JdbcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * PostgreSQL unreachable (stopped, restarting, connections cut) reaches the web layer not only as Axon's
 * EventStoreException but as whatever layer first touched a connection: Spring's transaction start, a lookup
 * through JdbcTemplate, or Axon loading an aggregate (JdbcException). Measured with PostgreSQL stopped under load:
 * those were answered 500. They are the same fault to the clerk, so the same 503 {@code event-store-unavailable}.
 * Ordered before ProblemHandler, whose catch-all would otherwise answer them.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableProblems {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableProblems.class);

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessResourceException.class, RecoverableDataAccessException.class, JdbcException.class,
            TransactionSystemException.class})
    ProblemDetail storeUnreachable(RuntimeException e) {
        if (!(e instanceof CannotCreateTransactionException) && !connectionLost(e)) {
            log.error("unexpected failure", e);
            return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "Something went wrong on our side; the action may not have been recorded.");
        }
        log.warn("event store unreachable: {}", rootMessage(e));
        // A commit cut off halfway may have been applied by the server; everywhere else nothing was written.
        String detail = e instanceof TransactionSystemException
                ? "The event store became unreachable while the action was being committed; it may or may not have"
                  + " been recorded. Check the record before trying again."
                : "The event store is unreachable right now; the action was not recorded. Please try again.";
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "event-store-unavailable", detail);
    }

    /**
     * A connection-level failure anywhere in the chain: SQLSTATE class 08, 57P (server shutting down), 53300; or
     * Hikari's "Connection is closed" (no SQLSTATE), seen when a connection it evicted after such an error is used
     * again later in the same transaction.
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
