package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The legislative process of the safe-haven resolution at the February 7, 2017 meeting, over HTTP on both services:
 * an amendment and an amendment to it adopted by roll call, the resolution adopted, one member's vote corrected
 * afterwards, and the minutes approved at the next meeting. The minutes, the file's history and each member's
 * voting record must tell the same story. Votes and the amendment texts are illustrative.
 */
@Testcontainers
class MadisonLegislativeProcessEndToEndTest {

    private static final String CLERK = Deployment.CLERK;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALDERS = List.of("barbara-harrington-mckinney", "ledell-zellers", "amanda-hall",
            "mike-verveer", "shiva-bidar", "marsha-rummel", "steve-king", "zach-wood", "paul-skidmore",
            "maurice-cheeks", "tim-gruber", "larry-palm", "sara-eskrich", "sheri-carter", "david-ahrens",
            "denise-demarb", "samba-baldeh", "rebecca-kemble", "mark-clear", "matt-phair");
    private static final List<String> ABSENT = List.of("zach-wood", "paul-skidmore", "denise-demarb");
    private static final List<String> EXCUSED = List.of("amanda-hall", "steve-king");
    private static final List<String> PRESENT = ALDERS.stream()
            .filter(a -> !ABSENT.contains(a) && !EXCUSED.contains(a)).toList();

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static Deployment deployment;
    private static ServiceProcess commandService;
    private static ServiceProcess queryService;
    private static Api api;

    @BeforeAll
    static void startServicesAndSeatTheCouncil() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of("CIVIC_CITY_NAME", "City of Madison"));
        commandService = deployment.commandService;
        queryService = deployment.queryService;
        api = deployment.api;

        for (String alder : ALDERS) {
            api.record("POST", "/api/people", json(Map.of("id", alder, "name", name(alder))));
        }
        api.record("POST", "/api/bodies", "{\"id\":\"common-council\",\"name\":\"Common Council\",\"seats\":20}");
        for (String alder : ALDERS) {
            api.record("POST", "/api/bodies/common-council/seats",
                    json(Map.of("person", alder, "from", "2015-04-21")));
        }
        api.record("POST", "/api/bodies/common-council/rules", "{\"quorum\":\"TWO_THIRDS_SEATS\"}");
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    private static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                    .append(part.substring(1));
        }
        return name.toString();
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    private static String meeting(String startsAt) throws Exception {
        return api.record("POST", "/api/meetings", json(Map.of("body", "common-council", "startsAt", startsAt,
                "location", "City County Building, 210 Martin Luther King Jr. Boulevard"))).get("meetingId").asText();
    }

    private static String item(String meetingId, Map<String, Object> item) throws Exception {
        return api.record("POST", "/api/meetings/" + meetingId + "/agenda/items", json(item)).get("itemId").asText();
    }

    private static String motion(String meetingId, Map<String, Object> motion) throws Exception {
        return api.record("POST", "/api/meetings/" + meetingId + "/motions", json(motion)).get("motionId").asText();
    }

    private static JsonNode vote(String meetingId, String motionId, Map<String, String> roll, String at)
            throws Exception {
        return api.record("POST", "/api/meetings/" + meetingId + "/motions/" + motionId + "/vote",
                json(Map.of("roll", roll, "occurredAt", at)));
    }

    private static Map<String, String> everyonePresent(String choice, Map<String, String> except) {
        Map<String, String> roll = new LinkedHashMap<>();
        PRESENT.forEach(p -> roll.put(p, except.getOrDefault(p, choice)));
        return roll;
    }

    private static HttpResponse<String> getText(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(queryService.url(path)))
                .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void amendedAdoptedCorrectedAndMinutesApproved_theRecordAgreesEverywhere() throws Exception {
        String fileId = api.record("POST", "/api/files", """
                {"type":"RESOLUTION","sponsor":"shiva-bidar","occurredAt":"2017-01-24T15:00:00Z",
                 "title":"Codifying the City of Madison's commitment to be a safe haven for immigrants",
                 "text":"The Common Council Office is designated a safe space."}""").get("fileId").asText();
        String feb7 = meeting("2017-02-07T18:30:00-06:00");
        String item = item(feb7, Map.of("fileId", fileId));
        api.record("POST", "/api/meetings/" + feb7 + "/agenda/publish", "{\"occurredAt\":\"2017-02-03T21:00:00Z\"}");
        // As the meetings contract reads: the roll call, once the start has come, calls the meeting to order.
        long rollCalled = api.record("POST", "/api/meetings/" + feb7 + "/roll-call", json(Map.of("present", PRESENT,
                "absent", ABSENT, "excused", EXCUSED, "occurredAt", "2017-02-08T00:32:00Z"))).get("position").asLong();
        JsonNode inProgress = api.read("/api/meetings/" + feb7, rollCalled);
        assertThat(inProgress.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(inProgress.get("calledToOrderAt").asText()).isEqualTo("2017-02-08T00:32:00Z");

        String substitute = api.record("POST", "/api/files/" + fileId + "/amendments", json(Map.of(
                "text", "The Common Council Office is a safe space.\nNo City funds for immigration enforcement.",
                "proposedBy", "shiva-bidar", "occurredAt", "2017-02-08T00:40:00Z"))).get("amendmentId").asText();
        String secondDegree = api.record("POST", "/api/files/" + fileId + "/amendments", json(Map.of(
                "text", "The Common Council Office is a safe space.\nNo City funds or staff for immigration "
                        + "enforcement.", "proposedBy", "larry-palm", "amends", substitute,
                "occurredAt", "2017-02-08T00:45:00Z"))).get("amendmentId").asText();
        for (String amendment : List.of(secondDegree, substitute)) {
            String amend = motion(feb7, Map.of("itemId", item, "kind", "AMEND", "amendmentId", amendment,
                    "mover", "larry-palm", "seconder", "marsha-rummel", "occurredAt", "2017-02-08T00:50:00Z"));
            assertThat(vote(feb7, amend, everyonePresent("AYE", Map.of()), "2017-02-08T00:55:00Z")
                    .get("result").asText()).isEqualTo("PASSED");
        }
        String adopt = motion(feb7, Map.of("itemId", item, "kind", "ADOPT", "mover", "larry-palm",
                "seconder", "marsha-rummel", "occurredAt", "2017-02-08T01:10:00Z"));
        JsonNode adoption = vote(feb7, adopt, everyonePresent("AYE", Map.of("sara-eskrich", "NO",
                "mark-clear", "ABSTAIN")), "2017-02-08T01:15:00Z");
        assertThat(adoption.get("result").asText()).isEqualTo("PASSED");
        assertThat(adoption.get("rule").asText()).isEqualTo("MAJORITY_CAST");
        assertThat(adoption.get("tally").get("ayes").asInt()).isEqualTo(13);
        assertThat(adoption.get("needed").asInt()).isEqualTo(8);
        api.record("POST", "/api/meetings/" + feb7 + "/adjourn", "{\"occurredAt\":\"2017-02-08T04:25:00Z\"}");

        // Afterwards the clerk finds Ald. Eskrich's vote was recorded wrongly: a correction, not an edit.
        JsonNode correction = api.record("POST", "/api/corrections", json(Map.of("eventId",
                adoption.get("eventId").asText(), "reason", "Ald. Eskrich voted aye; recorded in error as no",
                "roll", everyonePresent("AYE", Map.of("mark-clear", "ABSTAIN")))));
        assertThat(correction.get("tally").get("ayes").asInt()).isEqualTo(14);

        // The next meeting approves the minutes of February 7.
        JsonNode draft = api.read("/api/meetings/" + feb7 + "/minutes.json", correction.get("position").asLong());
        String minutesText = draft.get("text").asText();
        String feb21 = meeting("2017-02-21T18:30:00-06:00");
        String minutesItem = item(feb21, Map.of("title", "Approval of the minutes of February 7, 2017"));
        api.record("POST", "/api/meetings/" + feb21 + "/call-to-order", "{\"occurredAt\":\"2017-02-22T00:31:00Z\"}");
        api.record("POST", "/api/meetings/" + feb21 + "/roll-call", json(Map.of("present", ALDERS,
                "occurredAt", "2017-02-22T00:32:00Z")));
        String approve = motion(feb21, Map.of("itemId", minutesItem, "kind", "ADOPT", "mover", "mark-clear",
                "seconder", "matt-phair", "occurredAt", "2017-02-22T00:40:00Z"));
        api.record("POST", "/api/meetings/" + feb21 + "/motions/" + approve + "/vote",
                "{\"voice\":\"PASSED\",\"occurredAt\":\"2017-02-22T00:41:00Z\"}");
        long approved = api.record("POST", "/api/meetings/" + feb7 + "/minutes/approval", json(Map.of(
                "text", minutesText, "sha256", draft.get("sha256").asText(), "approvingMeetingId", feb21,
                "motionId", approve, "occurredAt", "2017-02-22T00:41:00Z"))).get("position").asLong();

        // The minutes: approved, byte for byte the text that was read, and saying what happened.
        api.read("/api/meetings/" + feb7 + "/motions", approved);
        HttpResponse<String> minutes = getText("/api/meetings/" + feb7 + "/minutes");
        assertThat(minutes.headers().firstValue("Minutes-Status")).contains("APPROVED");
        assertThat(minutes.body()).isEqualTo(minutesText);
        assertThat(minutes.headers().firstValue("ETag")).contains("\"" + draft.get("sha256").asText() + "\"");
        assertThat(minutesText).contains("CITY OF MADISON")
                .contains("A motion was made by Ald. Palm, seconded by Ald. Rummel, to Adopt. "
                        + "The motion passed by the following vote:")
                .contains("Noes: 0").contains("Abstentions: 1 - Clear")
                .contains("Absent: 3 - ").contains("Excused: 2 - ")
                .contains("The meeting adjourned at 10:25 PM.");
        assertThat(minutesText).contains("The meeting was called to order at 6:32 PM.")
                .containsPattern("passed by the following vote:\\n   Ayes: 13 - ")
                .containsPattern("\\n   The vote was corrected on [A-Z][a-z]+day, [A-Z][a-z]+ \\d+, \\d{4} by " + CLERK
                        + ": Ald. Eskrich voted aye; recorded in error as no. The motion passed by the corrected "
                        + "vote:\\n   Ayes: 14 - [^\\n]*Eskrich");

        // The file's whole history: introduction, both amendments, each motion with its vote and what it did, and
        // the correction of the adoption vote, each action classified.
        JsonNode history = api.read("/api/files/" + fileId + "/history", approved).get("items");
        List<String> types = new ArrayList<>();
        List<String> classifications = new ArrayList<>();
        history.forEach(h -> {
            types.add(h.get("type").asText());
            classifications.add(h.get("classification").isNull() ? null : h.get("classification").asText());
        });
        assertThat(types).containsExactly("FileIntroduced", "AmendmentProposed", "AmendmentProposed",
                "MotionMade", "VoteRecorded", "AmendmentAdopted", "MotionMade", "VoteRecorded", "AmendmentAdopted",
                "MotionMade", "VoteRecorded", "FileActedOn", "VoteCorrected");
        assertThat(classifications).containsExactly("introduction", "amendment-introduction",
                "amendment-introduction", null, null, "amendment-passage", null, null, "amendment-passage",
                null, null, "passage", null);
        JsonNode adoptionInHistory = history.get(10);
        assertThat(adoptionInHistory.get("motionId").asText()).isEqualTo(adopt);
        assertThat(adoptionInHistory.get("result").asText()).isEqualTo("PASSED");
        assertThat(adoptionInHistory.get("tally").get("ayes").asInt()).isEqualTo(13);
        JsonNode correctionInHistory = history.get(12);
        assertThat(correctionInHistory.get("reason").asText())
                .isEqualTo("Ald. Eskrich voted aye; recorded in error as no");
        assertThat(correctionInHistory.get("recordedBy").asText()).isEqualTo(CLERK);
        assertThat(correctionInHistory.get("corrects").asText()).isEqualTo(adoption.get("eventId").asText());
        assertThat(correctionInHistory.get("tally").get("ayes").asInt()).isEqualTo(14);
        JsonNode file = api.read("/api/files/" + fileId, approved);
        assertThat(file.get("status").asText()).isEqualTo("ADOPTED");
        assertThat(api.read("/api/files/" + fileId + "/versions/2", approved).get("text").asText())
                .as("version 2 is the substitute as amended in the second degree")
                .isEqualTo("The Common Council Office is a safe space.\nNo City funds or staff for immigration "
                        + "enforcement.");
        assertThat(api.read("/api/files/" + fileId + "/diff?from=1&to=2", approved).get("lines").toString())
                .contains("removed").contains("added");

        // The file's votes and each member's record agree with the corrected roll, and keep the correction visible.
        JsonNode votes = api.read("/api/files/" + fileId + "/votes", approved).get("items");
        JsonNode adoptionVote = votes.get(votes.size() - 1);
        assertThat(adoptionVote.get("kind").asText()).isEqualTo("ADOPT");
        assertThat(adoptionVote.get("tally").get("ayes").asInt()).isEqualTo(14);
        assertThat(adoptionVote.get("corrections").get(0).get("reason").asText())
                .isEqualTo("Ald. Eskrich voted aye; recorded in error as no");
        assertThat(adoptionVote.get("corrections").get(0).get("recordedBy").asText()).isEqualTo(CLERK);
        JsonNode eskrich = api.read("/api/people/sara-eskrich/votes", approved).get("items");
        assertThat(eskrich).filteredOn(v -> v.get("motionId").asText().equals(adopt))
                .singleElement().satisfies(v -> assertThat(v.get("option").asText()).isEqualTo("yes"));
        JsonNode wood = api.read("/api/people/zach-wood/votes", approved).get("items");
        assertThat(wood).filteredOn(v -> v.get("motionId").asText().equals(adopt))
                .singleElement().satisfies(v -> assertThat(v.get("option").asText()).isEqualTo("absent"));

        // A correction after approval shows beside the approved minutes, never inside them.
        long later = api.record("POST", "/api/corrections", json(Map.of("eventId",
                correction.get("eventId").asText(), "reason", "Ald. Clear voted aye",
                "roll", everyonePresent("AYE", Map.of())))).get("position").asLong();
        JsonNode afterApproval = api.read("/api/meetings/" + feb7 + "/minutes.json", later);
        assertThat(afterApproval.get("status").asText()).isEqualTo("APPROVED");
        assertThat(afterApproval.get("text").asText()).isEqualTo(minutesText);
        assertThat(afterApproval.get("correctionsSinceApproval")).hasSize(1);
        assertThat(afterApproval.get("correctionsSinceApproval").get(0).get("reason").asText())
                .isEqualTo("Ald. Clear voted aye");
    }
}
