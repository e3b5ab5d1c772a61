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
    void amendmentsAreIntroducedAndThenPassOrFail() {
        assertThat(ActionClassification.of("AmendmentProposed", acted(null))).isEqualTo("amendment-introduction");
        assertThat(ActionClassification.of("AmendmentAdopted", acted(null))).isEqualTo("amendment-passage");
        assertThat(ActionClassification.of("AmendmentRejected", acted(null))).isEqualTo("amendment-failure");
    }

    @Test
    void aCorrectedFileActionIsClassifiedAsTheActionItCorrectsTo() {
        assertThat(ActionClassification.of("FileActionCorrected", acted("FAILED"))).isEqualTo("failure");
        assertThat(ActionClassification.of("FileActionCorrected", acted("ADOPTED"))).isEqualTo("passage");
        assertThat(ActionClassification.of("FileActionCorrected", acted("WITHDRAWN"))).isEqualTo("withdrawal");
        assertThat(ActionClassification.of("FileActionCorrected", acted("PLACED_ON_FILE"))).isEqualTo("filing");
        assertThat(ActionClassification.of("FileActionCorrected", acted("VETOED"))).isNull();
    }

    @Test
    void otherEventsAndUnknownActionsAreUnclassified() {
        assertThat(ActionClassification.of("CosponsorAdded", acted(null))).isNull();
        assertThat(ActionClassification.of("VoteCorrected", acted(null))).as("a meeting event").isNull();
        assertThat(ActionClassification.of("SomethingNewer", acted("ADOPTED"))).isNull();
        assertThat(ActionClassification.of("FileActedOn", acted("VETOED"))).isNull();
    }
}
