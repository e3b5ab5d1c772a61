package org.civicledger.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meetings voting on file after file: introduce, place on the agenda, move to adopt, roll-call vote. The vote is
 * the command under test: it records VoteRecorded on the meeting and FileActedOn on the file (another aggregate)
 * and updates the motion lookup, all in one transaction. Each thread runs its own meeting until the service dies.
 */
final class VoteLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MEMBERS = List.of("fault-member-1", "fault-member-2", "fault-member-3");
    private static final String BODY = "fault-board";

    private final Api api;
    private final List<String> meetings = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Long> acceptedPositions = new CopyOnWriteArrayList<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger votesAccepted = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final List<String> unexpected = new CopyOnWriteArrayList<>();

    VoteLoad(Api api, String unusedCommandUrl, int threads) throws Exception {
        this.api = api;
        for (String member : MEMBERS) {
            api.write("POST", "/api/people", "{\"id\":\"" + member + "\",\"name\":\"" + member + "\"}");
        }
        api.record("POST", "/api/bodies", "{\"id\":\"" + BODY + "\",\"name\":\"Fault Board\",\"kind\":\"BOARD\","
                + "\"seats\":3}");
        for (String member : MEMBERS) {
            api.record("POST", "/api/bodies/" + BODY + "/seats",
                    "{\"person\":\"" + member + "\",\"from\":\"2015-01-01\",\"role\":\"MEMBER\"}");
        }
        for (int i = 0; i < threads; i++) {
            String meeting = api.record("POST", "/api/meetings", "{\"body\":\"" + BODY + "\","
                    + "\"startsAt\":\"2017-03-01T18:30:00-06:00\",\"location\":\"Room " + i + "\"}")
                    .get("meetingId").asText();
            api.record("POST", "/api/meetings/" + meeting + "/call-to-order", null);
            api.record("POST", "/api/meetings/" + meeting + "/roll-call",
                    "{\"present\":" + JSON.writeValueAsString(MEMBERS) + ",\"absent\":[],\"excused\":[]}");
            meetings.add(meeting);
        }
    }

    VoteLoad start() {
        for (String meeting : meetings) {
            Thread thread = new Thread(() -> drive(meeting), "votes-" + meeting.substring(0, 8));
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void drive(String meeting) {
        String m = "/api/meetings/" + meeting;
        try {
            for (int cycle = 0; cycle < 500; cycle++) {
                String file = call("POST", "/api/files", "{\"type\":\"ORDINANCE\",\"sponsor\":\"" + MEMBERS.get(0)
                        + "\",\"title\":\"Vote drill " + cycle + "\",\"text\":\"Load.\"}").get("fileId").asText();
                String item = call("POST", m + "/agenda/items", "{\"fileId\":\"" + file + "\"}")
                        .get("itemId").asText();
                String motion = call("POST", m + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\","
                        + "\"mover\":\"" + MEMBERS.get(0) + "\",\"seconder\":\"" + MEMBERS.get(1) + "\"}")
                        .get("motionId").asText();
                call("POST", m + "/motions/" + motion + "/vote", "{\"roll\":{\"" + MEMBERS.get(0) + "\":\"AYE\",\""
                        + MEMBERS.get(1) + "\":\"AYE\",\"" + MEMBERS.get(2) + "\":\"NO\"}}");
                votesAccepted.incrementAndGet();
            }
        } catch (IOException killed) {
            inFlight.incrementAndGet();
        } catch (Exception e) {
            unexpected.add(e.toString());
        }
    }

    private JsonNode call(String method, String path, String body) throws Exception {
        sent.incrementAndGet();
        HttpResponse<String> response = api.write(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        accepted.incrementAndGet();
        JsonNode answer = JSON.readTree(response.body());
        acceptedPositions.add(answer.get("position").asLong());
        return answer;
    }

    void awaitVotes(int votes, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (votesAccepted.get() < votes) {
            if (System.nanoTime() > deadline || !unexpected.isEmpty()) {
                throw new AssertionError(votes + " votes not accepted in " + timeout + ": " + unexpected);
            }
            Thread.sleep(20);
        }
    }

    void awaitDone(Duration timeout) throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError("vote thread still running after the kill");
            }
        }
    }

    /** Accepted answers whose position is not in the store: acknowledged, then lost. */
    long acceptedMissingFromStore(Connection c) throws Exception {
        long missing = 0;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM command.domain_event_entry WHERE global_index = ?")) {
            for (long position : acceptedPositions) {
                s.setLong(1, position);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    missing += rs.getLong(1) == 1 ? 0 : 1;
                }
            }
        }
        return missing;
    }

    record Atomicity(long whole, long torn) {
    }

    /** Every vote has its file action and its recorded result, and every motion its lookup row, or none of them. */
    static Atomicity atomicity(Connection c) throws Exception {
        long whole = FaultFigures.scalar(c, """
                WITH e AS (SELECT payload_type, convert_from(payload, 'UTF8')::jsonb ->> 'motionId' AS motion
                           FROM command.domain_event_entry)
                SELECT count(*) FROM e v WHERE v.payload_type LIKE '%.VoteRecorded'
                  AND EXISTS (SELECT 1 FROM e a WHERE a.payload_type LIKE '%.FileActedOn' AND a.motion = v.motion)
                  AND EXISTS (SELECT 1 FROM command.motion_entry x WHERE x.motion_id = v.motion AND x.result IS NOT NULL)""");
        long torn = FaultFigures.scalar(c, """
                WITH e AS (SELECT payload_type, convert_from(payload, 'UTF8')::jsonb ->> 'motionId' AS motion
                           FROM command.domain_event_entry),
                     votes AS (SELECT motion FROM e WHERE payload_type LIKE '%.VoteRecorded'),
                     acts AS (SELECT motion FROM e WHERE payload_type LIKE '%.FileActedOn'),
                     made AS (SELECT motion FROM e WHERE payload_type LIKE '%.MotionMade')
                SELECT (SELECT count(*) FROM votes WHERE motion NOT IN (SELECT motion FROM acts))
                     + (SELECT count(*) FROM acts WHERE motion NOT IN (SELECT motion FROM votes))
                     + (SELECT count(*) FROM made WHERE motion NOT IN (SELECT motion_id FROM command.motion_entry))
                     + (SELECT count(*) FROM command.motion_entry WHERE motion_id NOT IN (SELECT motion FROM made))
                     + (SELECT count(*) FROM command.motion_entry WHERE (result IS NOT NULL)
                                                   <> (motion_id IN (SELECT motion FROM votes)))""");
        return new Atomicity(whole, torn);
    }
}
