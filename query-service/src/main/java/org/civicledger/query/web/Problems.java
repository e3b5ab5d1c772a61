package org.civicledger.query.web;

import java.net.URI;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** A problem document with the {@code rule} a client can act on. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatusCode status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:civic-ledger:problem:" + rule));
        problem.setTitle(rule);
        problem.setProperty("rule", rule);
        return problem;
    }
}
