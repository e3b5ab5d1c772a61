package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.StrictBase64;
import org.civicledger.tlog.bagit.Bag;
import org.civicledger.tlog.note.Checkpoint;
import org.civicledger.tlog.note.NoteSigner;
import org.civicledger.tlog.note.TlogProof;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The query side copies the transparency log from the events it received and serves a signed checkpoint only once
 * its copy reproduces the root; proofs it serves verify against the city's key, offline.
 */
class LogCopyIntegrationTest extends TopicIntegrationTest {

    private static final String ORIGIN = "civic-ledger.example/madison";
    private static final NoteSigner CITY = NoteSigner.generate(ORIGIN);

    @Test
    void aCheckpointIsServedOnceTheCopyReproducesItAndItsProofsVerifyOffline() throws Exception {
        long first = topic.publish(new PersonRegistered("log-ada-" + id().substring(0, 8), "Ada Log", at(0)));
        String older = published(topic.publishCheckpoint(CITY, null));
        long second = topic.publish(new PersonRegistered("log-bo-" + id().substring(0, 8), "Bo Log", at(1)),
                new PersonRegistered("log-cy-" + id().substring(0, 8), "Cy Log", at(2)));
        String latest = published(topic.publishCheckpoint(CITY, null));
        Checkpoint old = Checkpoint.open(older, CITY.verifier(), ORIGIN);
        Checkpoint now = Checkpoint.open(latest, CITY.verifier(), ORIGIN);

        assertThat(rest.getForObject("/api/log/key", String.class).strip()).isEqualTo(CITY.verifier().keyText());
        assertThat(rest.getForObject("/api/log/checkpoints/" + old.size(), String.class)).isEqualTo(older);
        JsonNode item = get("/api/events?after=" + (second - 1) + "&limit=1", second).get("items").get(0);
        assertThat(item.get("leafIndex").asLong()).as("leaf n is position n + 1 here").isEqualTo(second - 1);

        ResponseEntity<String> proof = rest.getForEntity("/api/events/" + first + "/proof", String.class);
        assertThat(proof.getHeaders().getContentType().toString()).startsWith("text/plain");
        Checkpoint proven = TlogProof.parse(proof.getBody()).verify(topic.bytesAt(first), CITY.verifier(), ORIGIN);
        assertThat(proven.sameTree(now)).isTrue();
        String againstOld = rest.getForObject("/api/events/" + first + "/proof?size=" + old.size(), String.class);
        assertThat(TlogProof.parse(againstOld).verify(topic.bytesAt(first), CITY.verifier(), ORIGIN).sameTree(old))
                .isTrue();

        JsonNode consistency = get("/api/log/consistency?from=" + old.size() + "&to=" + now.size(), 0);
        assertThat(consistency.get("from").asLong()).isEqualTo(old.size());
        assertThat(consistency.get("to").asLong()).isEqualTo(now.size());
        List<byte[]> hashes = new ArrayList<>();
        consistency.get("proof").forEach(h -> hashes.add(StrictBase64.decodeHash(h.asText())));
        ProofVerifier.verifyConsistency(old.size(), now.size(), hashes, old.root(), now.root());
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrForAnotherOriginIsNeverServed() throws Exception {
        topic.publish(new PersonRegistered("log-dee-" + id().substring(0, 8), "Dee Log", at(0)));
        String good = published(topic.publishCheckpoint(CITY, null));
        topic.publish(new PersonRegistered("log-eve-" + id().substring(0, 8), "Eve Log", at(1)));
        String impostor = topic.publishCheckpoint(NoteSigner.generate(ORIGIN), null);
        String otherCity = topic.publishCheckpoint(NoteSigner.generate("civic-ledger.example/springfield"), null);

        // The follower reads in order: once the city's next checkpoint is served, the two before it were refused.
        String next = published(topic.publishCheckpoint(CITY, null));
        long size = Checkpoint.open(next, CITY.verifier(), ORIGIN).size();

        assertThat(rest.getForObject("/api/log/checkpoints/" + size, String.class)).isEqualTo(next)
                .isNotEqualTo(impostor).isNotEqualTo(otherCity);
        assertThat(rest.getForObject("/api/log/key", String.class).strip()).isEqualTo(CITY.verifier().keyText());
        assertThat(good).isNotEqualTo(next);
    }

    @Test
    void aFilesRecordsRequestIsABagWhoseEveryEventIsProvenAgainstTheSignedCheckpoint() throws Exception {
        String fileId = id();
        String number = "RES-17-4" + fileId.substring(0, 4);
        long introduced = topic.publish(new FileIntroduced(fileId, number, FileType.RESOLUTION,
                "Codifying Madison as a safe haven", "RESOLVED …", "shiva-bidar", at(-600)));
        topic.publish(new PersonRegistered("log-fay-" + id().substring(0, 8), "Not About The File", at(0)));
        Thread.sleep(5);
        Instant beforeCosponsor = Instant.now();
        Thread.sleep(5);
        long cosponsored = topic.publish(new CosponsorAdded(fileId, "larry-palm", at(-500)));
        published(topic.publishCheckpoint(CITY, null));

        ResponseEntity<byte[]> response = rest.getForEntity("/api/files/" + fileId + "/records-request", byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).endsWith(".zip");
        Bag bag = Bag.readZip(response.getBody());
        bag.check();
        assertThat(utf8(bag.file("bag-info.txt").orElseThrow())).contains("External-Identifier: " + number + "\n")
                .contains("Bagging-Date: ").contains("Payload-Oxum: ");
        assertThat(bag.files()).containsKeys("bagit.txt", "manifest-sha256.txt", "manifest-sha512.txt",
                "tagmanifest-sha256.txt", "data/events.csv", "data/log.vkey", "data/VERIFY.txt");
        String checkpoint = utf8(bag.file("data/checkpoint.txt").orElseThrow());
        Checkpoint signed = Checkpoint.open(checkpoint, CITY.verifier(), ORIGIN);
        List<String> lines = List.of(utf8(bag.file("data/events.jsonl").orElseThrow()).split("\n"));
        assertThat(lines).containsExactly(utf8(topic.bytesAt(introduced)), utf8(topic.bytesAt(cosponsored)));
        for (long position : List.of(introduced, cosponsored)) {
            String proof = utf8(bag.file("data/proofs/" + (position - 1) + ".tlog-proof").orElseThrow());
            assertThat(TlogProof.parse(proof).verify(topic.bytesAt(position), CITY.verifier(), ORIGIN)
                    .sameTree(signed)).isTrue();
        }
        String csv = utf8(bag.file("data/events.csv").orElseThrow());
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("CosponsorAdded").contains("title: Codifying Madison as a safe haven");

        Bag past = Bag.readZip(rest.getForEntity("/api/files/" + fileId + "/records-request?asOf=" + beforeCosponsor,
                byte[].class).getBody());
        assertThat(utf8(past.file("data/events.jsonl").orElseThrow()).split("\n"))
                .as("as the record stood before the cosponsor signed").containsExactly(utf8(topic.bytesAt(introduced)));
        assertThat(rule("/api/files/no-such-file/records-request")).isEqualTo("file-not-found");

        String meetingId = id();
        long scheduled = topic.publish(new MeetingScheduled(meetingId, "common-council", STARTS, "America/Chicago",
                "City County Building", at(-1000)));
        published(topic.publishCheckpoint(CITY, null));
        Bag meeting = Bag.readZip(rest.getForEntity("/api/meetings/" + meetingId + "/records-request", byte[].class)
                .getBody());
        meeting.check();
        assertThat(utf8(meeting.file("bag-info.txt").orElseThrow())).contains("External-Identifier: " + meetingId);
        assertThat(utf8(meeting.file("data/events.jsonl").orElseThrow()).split("\n"))
                .containsExactly(utf8(topic.bytesAt(scheduled)));
        assertThat(meeting.files()).containsKey("data/proofs/" + (scheduled - 1) + ".tlog-proof");
        assertThat(rule("/api/meetings/no-such-meeting/records-request")).isEqualTo("meeting-not-found");
    }

    @Test
    void refusalsNameTheirRule() throws Exception {
        published(topic.publishCheckpoint(CITY, null));
        assertThat(rule("/api/log/checkpoints/987654321")).isEqualTo("checkpoint-not-found");
        assertThat(rule("/api/log/consistency?from=0&to=1")).isEqualTo("invalid-consistency-range");
        assertThat(rule("/api/log/consistency?from=5&to=2")).isEqualTo("invalid-consistency-range");
        assertThat(rule("/api/log/consistency?from=x&to=2")).isEqualTo("invalid-parameter");
        assertThat(rule("/api/events/987654321/proof")).isEqualTo("leaf-not-found");
        assertThat(rule("/api/events/1/proof?size=987654321")).isEqualTo("checkpoint-not-found");
        assertThat(rule("/api/events/1/proof?size=-1")).isEqualTo("checkpoint-not-found");
    }

    /** Waits until the query side serves {@code note} as its latest checkpoint. */
    private String published(String note) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                rest.getForObject("/api/log/checkpoint", String.class)).isEqualTo(note));
        return note;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String rule(String path) throws Exception {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode().is4xxClientError()).as(path + " " + response.getBody()).isTrue();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        return EventJson.mapper().readTree(response.getBody()).get("rule").asText();
    }

}
