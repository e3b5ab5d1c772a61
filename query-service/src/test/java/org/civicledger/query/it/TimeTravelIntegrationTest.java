package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The Madison resolution as the record stood before and after each cosponsor signed: by when it was recorded
 * ({@code asOf}), by when the council acted ({@code occurredBy}), and by position ({@code atPosition}).
 */
class TimeTravelIntegrationTest extends TopicIntegrationTest {

    private static final List<String> COSPONSORS = List.of("larry-palm", "tim-gruber", "maurice-cheeks",
            "mark-clear", "marsha-rummel", "sara-eskrich", "matt-phair");

    @Test
    void theFileBeforeAndAfterEachCosponsorByRecordedTimeCouncilTimeAndPosition() throws Exception {
        String fileId = id();
        Instant beforeIntroduction = Instant.now();
        Thread.sleep(5);
        topic.publish(new FileIntroduced(fileId, "RES-17-5" + fileId.substring(0, 4), FileType.RESOLUTION,
                "Codifying Madison as a safe haven", "RESOLVED …", "shiva-bidar", at(-60 * 24 * 14)));
        List<Instant> recordedBefore = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < COSPONSORS.size(); i++) {
            Thread.sleep(5);
            recordedBefore.add(Instant.now());
            Thread.sleep(5);
            positions.add(topic.publish(new CosponsorAdded(fileId, COSPONSORS.get(i), at(-60 * 24 * (13 - i)))));
        }
        get("/api/files/" + fileId, positions.get(positions.size() - 1));

        for (int i = 0; i < COSPONSORS.size(); i++) {
            List<String> signedBefore = COSPONSORS.subList(0, i);
            assertThat(cosponsors(read("/api/files/" + fileId + "?asOf=" + recordedBefore.get(i))))
                    .as("as the public saw it before %s signed", COSPONSORS.get(i)).isEqualTo(signedBefore);
            assertThat(cosponsors(read("/api/files/" + fileId + "?occurredBy=" + at(-60 * 24 * (13 - i)).minusSeconds(1))))
                    .as("the council's state of affairs before %s signed", COSPONSORS.get(i)).isEqualTo(signedBefore);
            assertThat(cosponsors(read("/api/files/" + fileId + "?atPosition=" + positions.get(i))))
                    .isEqualTo(COSPONSORS.subList(0, i + 1));
        }
        assertThat(cosponsors(read("/api/files/" + fileId))).isEqualTo(COSPONSORS);

        ResponseEntity<String> cut = rest.getForEntity("/api/files/" + fileId + "/history?asOf="
                + recordedBefore.get(6) + "&occurredBy=" + at(-60 * 24 * 9), String.class);
        assertThat(EventJson.mapper().readTree(cut.getBody()).get("items")).extracting(i -> i.get("type").asText())
                .containsExactly("FileIntroduced", "CosponsorAdded", "CosponsorAdded", "CosponsorAdded",
                        "CosponsorAdded", "CosponsorAdded");
        assertThat(cut.getHeaders().getFirst("Civic-As-Of")).isEqualTo(recordedBefore.get(6).toString());
        assertThat(cut.getHeaders().getFirst("Civic-Occurred-By")).isEqualTo(at(-60 * 24 * 9).toString());
        assertThat(Long.parseLong(cut.getHeaders().getFirst("Civic-Position"))).isEqualTo(positions.get(4));

        assertThat(rest.getForEntity("/api/files/" + fileId + "?asOf=" + beforeIntroduction, String.class)
                .getStatusCode().value()).as("before the record began: not found, not an error").isEqualTo(404);
        assertThat(read("/api/files?sponsor=shiva-bidar&asOf=" + beforeIntroduction).get("items"))
                .noneMatch(f -> f.get("fileId").asText().equals(fileId));
    }

    @Test
    void aMalformedInstantOrPositionIsA400Problem() {
        for (String bad : List.of("asOf=last+tuesday", "occurredBy=2017-02-07", "atPosition=-1", "atPosition=x")) {
            ResponseEntity<String> response = rest.getForEntity("/api/files?" + bad, String.class);

            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getBody()).contains("\"rule\":\"invalid-parameter\"");
        }
    }

    private JsonNode read(String path) throws Exception {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return EventJson.mapper().readTree(response.getBody());
    }

    private static List<String> cosponsors(JsonNode file) {
        List<String> people = new ArrayList<>();
        file.get("cosponsors").forEach(c -> people.add(c.asText()));
        return people;
    }
}
