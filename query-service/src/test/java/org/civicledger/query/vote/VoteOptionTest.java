package org.civicledger.query.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.civicledger.events.meeting.VoteChoice;
import org.junit.jupiter.api.Test;

class VoteOptionTest {

    @Test
    void everyRecordedChoiceMapsOntoItsOpenCivicDataOption() {
        Map<VoteChoice, String> options = Map.of(VoteChoice.AYE, "yes", VoteChoice.NO, "no",
                VoteChoice.ABSTAIN, "abstain", VoteChoice.RECUSED, "not voting", VoteChoice.ABSENT, "absent",
                VoteChoice.EXCUSED, "excused");

        assertThat(options).containsOnlyKeys(VoteChoice.values());
        Arrays.stream(VoteChoice.values()).forEach(choice ->
                assertThat(VoteOption.of(choice)).as(choice.name()).isEqualTo(options.get(choice)));
    }
}
