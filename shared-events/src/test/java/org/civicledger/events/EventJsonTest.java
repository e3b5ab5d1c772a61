package org.civicledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.SeatRole;
import org.junit.jupiter.api.Test;

/** The JSON of events will be hashed into a public log: its form is a contract, pinned here byte for byte. */
class EventJsonTest {

    private static final Instant AT = Instant.parse("2017-01-24T15:00:00Z");

    @Test
    void fileIntroducedHasAStableJsonForm() throws Exception {
        var event = new FileIntroduced("f-1", "RES-17-00001", FileType.RESOLUTION, "Safe haven", "Text",
                "shiva-bidar", AT);

        String json = EventJson.mapper().writeValueAsString(event);

        assertThat(json).isEqualTo("{\"fileId\":\"f-1\",\"fileNumber\":\"RES-17-00001\",\"type\":\"RESOLUTION\","
                + "\"title\":\"Safe haven\",\"text\":\"Text\",\"sponsor\":\"shiva-bidar\","
                + "\"occurredAt\":\"2017-01-24T15:00:00Z\"}");
        assertThat(EventJson.mapper().readValue(json, FileIntroduced.class)).isEqualTo(event);
    }

    @Test
    void datesAreIsoStringsNotNumbers() throws Exception {
        var event = new SeatAssigned("common-council", "shiva-bidar", SeatRole.MEMBER, LocalDate.parse("2015-04-21"),
                null, AT);

        assertThat(EventJson.mapper().writeValueAsString(event)).contains("\"from\":\"2015-04-21\"")
                .contains("\"to\":null").contains("\"occurredAt\":\"2017-01-24T15:00:00Z\"");
    }

    @Test
    void envelopeIsStructuredCloudEventWithLedgerExtensions() throws Exception {
        var data = EventJson.mapper().valueToTree(new FileIntroduced("f-1", "RES-17-00001", FileType.RESOLUTION,
                "Safe haven", "Text", "shiva-bidar", AT));
        var envelope = EventEnvelope.of("e-1", "FileIntroduced", "LegislativeFile", "f-1", 0, 7, AT,
                Instant.parse("2017-01-24T16:00:00Z"), "clerk", "1", data);

        var json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(envelope));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo("e-1");
        assertThat(json.get("source").asText()).isEqualTo("/civic-ledger/LegislativeFile");
        assertThat(json.get("subject").asText()).isEqualTo("f-1");
        assertThat(json.get("time").asText()).isEqualTo("2017-01-24T16:00:00Z");
        assertThat(json.get("position").asLong()).isEqualTo(7);
        assertThat(json.get("occurredat").asText()).isEqualTo("2017-01-24T15:00:00Z");
        assertThat(json.get("recordedby").asText()).isEqualTo("clerk");
        assertThat(json.get("data").get("fileNumber").asText()).isEqualTo("RES-17-00001");
        assertThat(EventJson.mapper().treeToValue(json, EventEnvelope.class)).isEqualTo(envelope);
    }

    @Test
    void everyPublishedTypeIsARevisedRecordFoundByItsName() {
        assertThat(EventTypes.all()).allSatisfy(type -> {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type + " has @Revision").isNotNull();
            assertThat(EventTypes.byName(type.getSimpleName())).contains(type);
        });
        assertThat(EventTypes.byName("SomethingNewer")).isEmpty();
    }
}
