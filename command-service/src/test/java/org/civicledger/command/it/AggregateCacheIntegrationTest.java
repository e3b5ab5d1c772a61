package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.civicledger.command.ledger.AggregateStorage;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;

/**
 * The aggregate cache never serves state the store does not hold: a command that fails after its aggregate applied
 * an event leaves nothing behind in memory, and a cached copy made stale by another writer is refused on the
 * sequence number instead of forking the record, then read afresh.
 */
class AggregateCacheIntegrationTest extends CommandSideTest {

    private static final String ALL_AYE = "{\"roll\":{\"kc-ann\":\"AYE\",\"kc-bo\":\"AYE\",\"kc-cy\":\"AYE\"}}";

    @Autowired
    @Qualifier(AggregateStorage.MEETING_CACHE)
    Cache meetings;

    @Autowired
    @Qualifier(AggregateStorage.FILE_CACHE)
    Cache files;

    @Autowired
    EventStore store;

    @Test
    void aVoteThatFailsInTheFilesTransactionLeavesTheCachedMeetingAsItWas() throws Exception {
        seatedBody("cache-council", List.of("kc-ann", "kc-bo", "kc-cy"));
        String fileId = body(post("/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"kc-ann\"}")).get("fileId").asText();
        String first = openMeetingWith(fileId);
        String second = openMeetingWith(fileId);
        String secondsMotion = adoptMotion(second);
        post(first + "/motions/" + adoptMotion(first) + "/vote", ALL_AYE);
        String secondId = second.substring("/api/meetings/".length());
        long eventsBefore = eventCount();
        assertThat(meetings.containsKey(secondId)).as("the meeting is served from memory").isTrue();

        // The meeting applies VoteRecorded, then the file, already adopted at the first meeting, refuses the action.
        assertProblem(post(second + "/motions/" + secondsMotion + "/vote", ALL_AYE), 409, "file-closed");

        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(meetings.containsKey(secondId)).as("the failed command's copy is dropped").isFalse();
        // A copy that kept the vote would answer motion-already-decided, and would let a new motion be made.
        assertProblem(post(second + "/motions/" + secondsMotion + "/vote", ALL_AYE), 409, "file-closed");
        assertProblem(post(second + "/motions", "{\"itemId\":\"" + firstItemOf(secondId) + "\",\"kind\":\"TABLE\","
                + "\"mover\":\"kc-ann\",\"seconder\":\"kc-bo\"}"), 409, "motion-pending");
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aCachedFileMadeStaleByAnotherWriterIsRefusedOnTheSequenceNumberThenReadAfresh() throws Exception {
        register("kc-sponsor", "Sponsor");
        register("kc-dee", "Dee");
        String fileId = body(post("/api/files", "{\"type\":\"ORDINANCE\",\"title\":\"T\",\"text\":\"X\","
                + "\"sponsor\":\"kc-sponsor\"}")).get("fileId").asText();
        String file = "/api/files/" + fileId;
        assertThat(post(file + "/cosponsors", "{\"person\":\"kc-dee\"}").getStatusCode().value()).isEqualTo(201);
        assertThat(files.containsKey(fileId)).isTrue();

        // What a second command-side instance would do: append the next event behind this instance's cache.
        store.publish(new GenericDomainEventMessage<>("LegislativeFile", fileId, 2,
                new CosponsorWithdrawn(fileId, "kc-dee", Instant.now())));
        long events = eventsOf(fileId);

        assertProblem(send(HttpMethod.DELETE, file + "/cosponsors/kc-dee", null, true), 409, "concurrent-change");
        assertThat(eventsOf(fileId)).as("the stale copy's event is not stored").isEqualTo(events);
        assertProblem(send(HttpMethod.DELETE, file + "/cosponsors/kc-dee", null, true), 409, "not-a-cosponsor");
        assertThat(post(file + "/cosponsors", "{\"person\":\"kc-dee\"}").getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", Long.class, fileId)).containsExactly(0L, 1L, 2L, 3L);
    }

    /** A meeting with the file on its agenda, in progress with every member present; answers its path. */
    private String openMeetingWith(String fileId) throws Exception {
        String meeting = meetingOf("cache-council");
        post(meeting + "/agenda/items", "{\"fileId\":\"" + fileId + "\"}");
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"kc-ann\",\"kc-bo\",\"kc-cy\"]}");
        return meeting;
    }

    private String adoptMotion(String meeting) throws Exception {
        String meetingId = meeting.substring("/api/meetings/".length());
        return body(post(meeting + "/motions", "{\"itemId\":\"" + firstItemOf(meetingId) + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"kc-ann\",\"seconder\":\"kc-bo\"}")).get("motionId").asText();
    }

    private String firstItemOf(String meetingId) {
        return jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'itemId' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%AgendaItemAdded'""", String.class, meetingId);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }
}
