package org.civicledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Metrics;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * A problem document with the {@code rule} a client can act on, the same on both services. Each one made is counted
 * ({@code civic.refusals}, tagged by rule and status) in Micrometer's global registry, which Spring Boot's joins.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:civic-ledger:problem:" + rule));
        problem.setTitle(rule);
        problem.setProperty("rule", rule);
        Metrics.counter("civic.refusals", "rule", rule, "status", Integer.toString(status.value())).increment();
        return problem;
    }

    /** For the places outside Spring MVC (filters, security entry points) that answer by themselves. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
