package org.civicledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicledger.events.roster.VoteThreshold;
import org.junit.jupiter.api.Test;

/** Each threshold at its boundary: exactly enough carries, one short fails. Seats 20 unless said. */
class VoteThresholdTest {

    @Test
    void majorityCastNeedsMoreThanHalfOfAyesAndNoesAndATieFails() {
        assertThat(VoteThreshold.MAJORITY_CAST.carries(8, 7, 18, 20)).isTrue();
        assertThat(VoteThreshold.MAJORITY_CAST.carries(7, 7, 18, 20)).as("tie").isFalse();
        assertThat(VoteThreshold.MAJORITY_CAST.needed(15, 18, 20)).isEqualTo(8);
        assertThat(VoteThreshold.MAJORITY_CAST.carries(0, 0, 18, 20)).as("nobody voted").isFalse();
    }

    @Test
    void majorityOfSeatsCountsEverySeatNotTheVotes() {
        assertThat(VoteThreshold.MAJORITY_SEATS.needed(12, 14, 20)).isEqualTo(11);
        assertThat(VoteThreshold.MAJORITY_SEATS.carries(11, 1, 14, 20)).isTrue();
        assertThat(VoteThreshold.MAJORITY_SEATS.carries(10, 0, 14, 20)).isFalse();
    }

    @Test
    void twoThirdsOfPresentAtExactlyTwoThirdsAndOneShort() {
        assertThat(VoteThreshold.TWO_THIRDS_PRESENT.needed(15, 15, 20)).isEqualTo(10);
        assertThat(VoteThreshold.TWO_THIRDS_PRESENT.carries(10, 5, 15, 20)).as("exactly two-thirds").isTrue();
        assertThat(VoteThreshold.TWO_THIRDS_PRESENT.carries(9, 6, 15, 20)).as("one short").isFalse();
        assertThat(VoteThreshold.TWO_THIRDS_PRESENT.needed(14, 14, 20)).as("9.33 rounds up").isEqualTo(10);
    }

    @Test
    void twoThirdsOfSeatsAtExactlyTwoThirdsAndOneShort() {
        assertThat(VoteThreshold.TWO_THIRDS_SEATS.needed(0, 0, 21)).isEqualTo(14);
        assertThat(VoteThreshold.TWO_THIRDS_SEATS.carries(14, 0, 14, 21)).as("exactly two-thirds").isTrue();
        assertThat(VoteThreshold.TWO_THIRDS_SEATS.carries(13, 0, 14, 21)).as("one short").isFalse();
        assertThat(VoteThreshold.TWO_THIRDS_SEATS.needed(0, 0, 20)).as("13.33 rounds up").isEqualTo(14);
    }

    @Test
    void threeQuartersOfSeatsAtExactlyThreeQuartersAndOneShort() {
        assertThat(VoteThreshold.THREE_QUARTERS_SEATS.needed(0, 0, 20)).isEqualTo(15);
        assertThat(VoteThreshold.THREE_QUARTERS_SEATS.carries(15, 3, 19, 20)).as("exactly three-quarters").isTrue();
        assertThat(VoteThreshold.THREE_QUARTERS_SEATS.carries(14, 3, 19, 20)).as("one short").isFalse();
    }
}
