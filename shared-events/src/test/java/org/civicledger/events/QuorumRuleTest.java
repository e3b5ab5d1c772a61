package org.civicledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicledger.events.roster.QuorumRule;
import org.junit.jupiter.api.Test;

class QuorumRuleTest {

    @Test
    void majorityOfSeatsIsMoreThanHalf() {
        assertThat(QuorumRule.MAJORITY_SEATS.required(20)).isEqualTo(11);
        assertThat(QuorumRule.MAJORITY_SEATS.required(7)).isEqualTo(4);
        assertThat(QuorumRule.MAJORITY_SEATS.required(1)).isEqualTo(1);
    }

    @Test
    void twoThirdsOfSeatsRoundsUp() {
        assertThat(QuorumRule.TWO_THIRDS_SEATS.required(20)).isEqualTo(14); // 13.33 -> 14: Madison's council
        assertThat(QuorumRule.TWO_THIRDS_SEATS.required(21)).isEqualTo(14); // exactly two-thirds
        assertThat(QuorumRule.TWO_THIRDS_SEATS.required(3)).isEqualTo(2);
        assertThat(QuorumRule.TWO_THIRDS_SEATS.required(1)).isEqualTo(1);
    }
}
