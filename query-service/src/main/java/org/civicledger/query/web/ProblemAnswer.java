package org.civicledger.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A problem answered as application/problem+json whatever the request accepts: an EventSource asks only for
 * text/event-stream and a feed reader for application/atom+xml, and they must still get the problem, not a 406.
 */
public final class ProblemAnswer {

    private ProblemAnswer() {
    }

    public static ResponseEntity<ProblemDetail> of(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A 503 a client may retry after {@code seconds}. */
    public static ResponseEntity<ProblemDetail> retryAfter(ProblemDetail problem, int seconds) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)).body(problem);
    }
}
