package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.awaitility.Awaitility;
import org.axonframework.common.caching.Cache;
import org.civicledger.command.ledger.AggregateCacheSettings;
import org.civicledger.command.ledger.AggregateStorage;
import org.civicledger.command.ledger.SnapshotSettings;
import org.civicledger.command.log.TransparencyLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Figures, not a timed assertion: what one command costs around the 100th command on an aggregate and around the
 * {@code civic.bench.commands}th (default 10,000). One clerk adds and withdraws a cosponsor on a file; one member
 * arrives at and leaves a meeting. Each window is 200 commands answered over HTTP, as a clerk sees them; the figure
 * is the median. The young and the old aggregate take turns command by command, so both windows run under the same
 * load (the machine is shared). The old one's history up to its window is copied in by SQL: copies of its own first
 * two events, the ones the commands write; it is then dropped from the cache, so its first command loads it from the
 * store (and snapshots it) as after a restart. Subclasses set the cache and snapshots on or off.
 */
abstract class HistoryCostBench extends CommandSideTest {

    private static final int WINDOW = 200;

    @Autowired
    AggregateCacheSettings cache;

    @Autowired
    SnapshotSettings snapshots;

    @Autowired
    TransparencyLog log;

    @Autowired
    @Qualifier(AggregateStorage.FILE_CACHE)
    Cache files;

    @Autowired
    @Qualifier(AggregateStorage.MEETING_CACHE)
    Cache meetings;

    @Test
    void historyCostFigures() throws Exception {
        int far = Integer.getInteger("civic.bench.commands", 10_000);
        String tag = getClass().getSimpleName().toLowerCase().replace("bench", "");
        register(tag + "-sponsor", "Sponsor");
        register(tag + "-pick", "Cosponsor");
        String pick = tag + "-pick";
        BiFunction<String, Integer, ResponseEntity<String>> cosponsor = (fileId, i) -> i % 2 == 1
                ? post("/api/files/" + fileId + "/cosponsors", "{\"person\":\"" + pick + "\"}")
                : send(HttpMethod.DELETE, "/api/files/" + fileId + "/cosponsors/" + pick, null, true);
        window(newFile(tag), cosponsor, 1, newFile(tag), cosponsor, 1);    // warm-up, not counted
        Windows file = measure(newFile(tag), newFile(tag), cosponsor, far, files);

        seatedBody(tag + "-council", List.of(tag + "-chair", tag + "-member"));
        String member = "{\"person\":\"" + tag + "-member\"}";
        BiFunction<String, Integer, ResponseEntity<String>> attendance = (meetingId, i) ->
                post("/api/meetings/" + meetingId + (i % 2 == 1 ? "/arrivals" : "/departures"), member);
        Windows meeting = measure(newMeeting(tag), newMeeting(tag), attendance, far, meetings);

        System.out.printf("%n[bench] history cost, aggregate cache %s (max %d per type), snapshots %s (every %d "
                        + "events)%n", cache.enabled() ? "on" : "off", cache.maxEntries(),
                snapshots.enabled() ? "on" : "off", snapshots.threshold());
        file.print("file, add/withdraw cosponsor", far);
        meeting.print("meeting, arrival/departure", far);
        System.out.println();
    }

    private Windows measure(String young, String old, BiFunction<String, Integer, ResponseEntity<String>> command,
                            int far, Cache cache) {
        int oldFirst = far - WINDOW / 2 + 1;
        assertThat(command.apply(old, 1).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(command.apply(old, 2).getStatusCode().is2xxSuccessful()).isTrue();
        copyLastPair(old, (oldFirst - 3) / 2);
        cache.remove(old);
        awaitLogCaughtUp();
        return window(young, command, 1, old, command, oldFirst);
    }

    private Windows window(String young, BiFunction<String, Integer, ResponseEntity<String>> youngCommand,
                           int youngFirst, String old, BiFunction<String, Integer, ResponseEntity<String>> oldCommand,
                           int oldFirst) {
        long[] early = new long[WINDOW];
        long[] late = new long[WINDOW];
        for (int i = 0; i < WINDOW; i++) {
            early[i] = timed(youngCommand, young, youngFirst + i);
            late[i] = timed(oldCommand, old, oldFirst + i);
        }
        return new Windows(early, late);
    }

    private static long timed(BiFunction<String, Integer, ResponseEntity<String>> command, String id, int i) {
        long start = System.nanoTime();
        ResponseEntity<String> response = command.apply(id, i);
        long took = System.nanoTime() - start;
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return took;
    }

    private String newFile(String tag) throws Exception {
        return body(post("/api/files", "{\"type\":\"ORDINANCE\",\"title\":\"T\",\"text\":\"X\",\"sponsor\":\""
                + tag + "-sponsor\"}")).get("fileId").asText();
    }

    /** A meeting in progress: the chair present, the member absent (then arriving and leaving in turn). */
    private String newMeeting(String tag) throws Exception {
        String meeting = meetingOf(tag + "-council");
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"" + tag + "-chair\"],\"absent\":[\"" + tag + "-member\"]}");
        return meeting.substring("/api/meetings/".length());
    }

    /** Copies of the aggregate's last two events (one pair of opposite actions) at the next sequence numbers. */
    private void copyLastPair(String aggregateId, int pairs) {
        long last = jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, aggregateId);
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                SELECT e.aggregate_identifier, e.sequence_number + 2 * g, e.type, gen_random_uuid()::text,
                       e.meta_data, e.payload, e.payload_revision, e.payload_type, e.time_stamp
                FROM domain_event_entry e, generate_series(1, ?) g
                WHERE e.aggregate_identifier = ? AND e.sequence_number IN (?, ?)
                ORDER BY g, e.sequence_number""", pairs, aggregateId, last - 1, last);
    }

    private void awaitLogCaughtUp() {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> log.size() == eventCount());
    }

    private record Windows(long[] early, long[] late) {

        void print(String what, int far) {
            double a = median(early);
            double b = median(late);
            System.out.printf("[bench]   %-30s median %.2f ms around command 100, %.2f ms around command %,d: "
                    + "ratio %.2f (p90 %.2f / %.2f ms)%n", what, a, b, far, b / a, p90(early), p90(late));
        }

        private static double median(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2e6;
        }

        private static double p90(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) (sorted.length * 0.9)] / 1e6;
        }
    }
}
