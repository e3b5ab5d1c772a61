package org.civicledger.query.meeting;

import java.time.Instant;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.query.roster.Body;

/** Whether enough members are present, by the body's rule, at an instant. */
record Quorum(int present, int seats, int required, boolean met, QuorumRule rule, Instant at) {

    static Quorum of(Body body, int present, Instant at) {
        int required = body.quorum().required(body.seats());
        return new Quorum(present, body.seats(), required, present >= required, body.quorum(), at);
    }
}
