package org.civicledger.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.civicledger.events.EventJson;
import org.junit.jupiter.api.Test;

class ActionClassificationTest {

    private static JsonNode acted(String action) {
        return EventJson.mapper().createObjectNode().put("action", action);
    }

    @Test
    void introductionAndReferralAreOpenCivicDataActions() {
        assertThat(ActionClassification.of("FileIntroduced", acted(null))).isEqualTo("introduction");
        assertThat(ActionClassification.of("FileReferred", acted(null))).isEqualTo("referral-committee");
    }

    @Test
    void whatAVoteDidToTheFileNamesItsClassification() {
        assertThat(ActionClassification.of("FileActedOn", acted("ADOPTED"))).isEqualTo("passage");
        assertThat(ActionClassification.of("FileActedOn", acted("FAILED"))).isEqualTo("failure");
        assertThat(ActionClassification.of("FileActedOn", acted("WITHDRAWN"))).isEqualTo("withdrawal");
        assertThat(ActionClassification.of("FileActedOn", acted("PLACED_ON_FILE"))).isEqualTo("filing");
    }

    @Test
    void otherEventsAndUnknownActionsAreUnclassified() {
        assertThat(ActionClassification.of("CosponsorAdded", acted(null))).isNull();
        assertThat(ActionClassification.of("SomethingNewer", acted("ADOPTED"))).isNull();
        assertThat(ActionClassification.of("FileActedOn", acted("VETOED"))).isNull();
    }
}
