package org.civicledger.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;
import org.civicledger.events.meeting.VoteRecorded.MemberVote;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.meeting.VoteRecorded.Tally;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.SeatRole;
import org.civicledger.events.roster.VoteThreshold;
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

    /**
     * A vote stored before it named what its motion named (referTo, amendmentId, reconsiders) reads with nulls, and
     * writes back byte for byte as stored: the log audit rebuilds its leaf from it.
     */
    @Test
    void aVoteRecordedStoredWithoutTheMotionsNamesReadsWithNullsAndWritesBackUnchanged() throws Exception {
        String stored = "{\"meetingId\":\"feb-7\",\"motionId\":\"m-1\",\"fileId\":\"f-1\",\"kind\":\"REFER\","
                + "\"method\":\"ROLL_CALL\",\"votes\":[{\"person\":\"shiva-bidar\",\"choice\":\"AYE\"}],"
                + "\"result\":\"PASSED\",\"threshold\":\"MAJORITY_CAST\",\"tally\":{\"ayes\":1,\"noes\":0,"
                + "\"abstentions\":0,\"recusals\":0,\"absent\":0,\"excused\":0},\"needed\":1,\"present\":1,"
                + "\"seats\":20,\"occurredAt\":\"2017-01-24T15:00:00Z\"}";

        VoteRecorded vote = EventJson.mapper().readValue(stored, VoteRecorded.class);

        assertThat(vote).isEqualTo(new VoteRecorded("feb-7", "m-1", "f-1", MotionKind.REFER, Method.ROLL_CALL,
                List.of(new MemberVote("shiva-bidar", VoteChoice.AYE)), Result.PASSED,
                VoteThreshold.MAJORITY_CAST, new Tally(1, 0, 0, 0, 0, 0), 1, 1, 20, AT, null, null, null));
        assertThat(EventJson.mapper().writeValueAsString(vote)).isEqualTo(stored);
    }

    @Test
    void aVoteRecordedWritesWhatItsMotionNamedLast() throws Exception {
        var vote = new VoteRecorded("feb-7", "m-2", "f-1", MotionKind.REFER, Method.VOICE, List.of(),
                Result.PASSED, VoteThreshold.MAJORITY_CAST, null, null, 15, 20, AT, "finance", null, null);

        String json = EventJson.mapper().writeValueAsString(vote);

        assertThat(json).endsWith("\"occurredAt\":\"2017-01-24T15:00:00Z\",\"referTo\":\"finance\"}");
        assertThat(EventJson.mapper().readValue(json, VoteRecorded.class)).isEqualTo(vote);
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
