package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.tlog.Hashes;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The public log serves each event's envelope byte for byte as published, with its RFC 6962 leaf hash. */
class LeafBytesIntegrationTest extends TopicIntegrationTest {

    @Test
    void anEventsLeafIsTheEnvelopeExactlyAsPublishedAndItsLeafHashMatches() throws Exception {
        long position = topic.publish(new PersonRegistered("leaf-" + id().substring(0, 8), "Zoë \"Leaf\" Ñandú",
                at(0)));
        get("/api/position", position);

        ResponseEntity<byte[]> leaf = rest.getForEntity("/api/events/" + position + "/leaf", byte[].class);
        JsonNode item = get("/api/events?after=" + (position - 1) + "&limit=1", 0).get("items").get(0);
        JsonNode past = get("/api/events?after=" + (position - 1) + "&limit=1&atPosition=" + position, 0)
                .get("items").get(0);

        assertThat(leaf.getStatusCode().value()).isEqualTo(200);
        assertThat(leaf.getHeaders().getContentType().toString()).startsWith("application/json");
        assertThat(leaf.getBody()).isEqualTo(topic.bytesAt(position));
        String expected = Base64.getEncoder().encodeToString(Hashes.leafHash(topic.bytesAt(position)));
        assertThat(item.get("leafHash").asText()).isEqualTo(expected);
        assertThat(past.get("leafHash").asText()).as("a past cut keeps the bytes").isEqualTo(expected);
        assertThat(rest.getForEntity("/api/events/999999999/leaf", String.class).getStatusCode().value())
                .isEqualTo(404);
    }
}
