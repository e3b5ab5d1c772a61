package org.civicledger.query.file;

import java.util.Map;
import org.civicledger.query.roster.RosterProjection;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferralQueries {

    private final ReferralProjection referrals;
    private final RosterProjection roster;

    ReferralQueries(ReferralProjection referrals, RosterProjection roster) {
        this.referrals = referrals;
        this.roster = roster;
    }

    /** The files referred to this body that it has not acted on yet, oldest referral first. */
    @GetMapping("/api/bodies/{bodyId}/referrals")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Map<String, Object> pending(@PathVariable String bodyId) {
        roster.body(bodyId);
        return Map.of("items", referrals.pending(bodyId));
    }
}
