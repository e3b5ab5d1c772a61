package org.civicledger.query.web;

import org.civicledger.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Semaphore;
import org.civicledger.query.stream.Cut;
import org.civicledger.query.stream.PastRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Time travel for every public read: {@code asOf}, {@code occurredBy} and {@code atPosition} answer the same request
 * from the record as it stood at that cut ({@link PastRecord}), inside a transaction that is rolled back. The answer
 * names its cut in {@code Civic-As-Of}, {@code Civic-Occurred-By} and {@code Civic-Position}. A past read replays
 * events, so only a few run at once; past that, 503 at once. The live stream has no past: it is never cut.
 */
class PastRecordFilter extends OncePerRequestFilter {

    private final PastRecord past;
    private final TransactionTemplate transaction;
    private final Semaphore replays;
    private final ObjectMapper json;

    PastRecordFilter(PastRecord past, PlatformTransactionManager transactions, int concurrentReplays,
                     ObjectMapper json) {
        this.past = past;
        this.transaction = new TransactionTemplate(transactions);
        this.replays = new Semaphore(concurrentReplays);
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || path.startsWith("/api/dead-letters")
                || path.equals("/api/position") || path.equals("/api/stream")
                || path.startsWith("/api/log/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Cut cut;
        try {
            cut = new Cut(instant(request, "asOf"), instant(request, "occurredBy"), position(request));
        } catch (IllegalArgumentException e) {
            write(response, Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage()));
            return;
        }
        if (!cut.isPast()) {
            chain.doFilter(request, response);
            return;
        }
        if (!replays.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "too-many-past-reads",
                    "Too many reads of the past record are running; try again shortly."));
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                status.setRollbackOnly();
                long position = past.replay(cut);
                response.setHeader(MinPositionFilter.HEADER, Long.toString(position));
                if (cut.asOf() != null) {
                    response.setHeader("Civic-As-Of", cut.asOf().toString());
                }
                if (cut.occurredBy() != null) {
                    response.setHeader("Civic-Occurred-By", cut.occurredBy().toString());
                }
                try {
                    chain.doFilter(request, response);
                } catch (IOException | ServletException e) {
                    throw new PastReadFailed(e);
                }
            });
        } catch (PastReadFailed e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        } finally {
            replays.release();
        }
    }

    /** An ISO-8601 instant, with {@code Z} or an offset. */
    private static Instant instant(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Parameter '" + name + "' must be an ISO-8601 date and time with an "
                    + "offset, e.g. 2017-01-30T12:00:00Z or 2017-01-30T06:00:00-06:00.");
        }
    }

    private static Long position(HttpServletRequest request) {
        String value = request.getParameter("atPosition");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("Parameter 'atPosition' must be a whole number, 0 or more.");
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, json, problem);
    }

    /** Carries the chain's checked exceptions out of the transaction callback. */
    private static final class PastReadFailed extends RuntimeException {
        PastReadFailed(Exception cause) {
            super(cause);
        }
    }
}
