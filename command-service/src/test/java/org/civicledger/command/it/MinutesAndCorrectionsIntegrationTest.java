package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicledger.events.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The two paths that leave the meeting aggregate: minutes approval (MinutesApproval, which looks at another
 * meeting's motion) and the correction endpoint's lookup of the event it is asked to correct (EventPositions).
 */
class MinutesAndCorrectionsIntegrationTest extends CommandSideTest {

    private static final String MINUTES = "MINUTES\nThe meeting adjourned at 9:05 PM.\n";

    @Test
    void minutesAreApprovedInTheirOwnMeetingsRecordByAMotionPassedAtALaterMeeting() throws Exception {
        seatedBody("minutes-council", List.of("mn-ann", "mn-bob"));
        String approved = meetingOf("minutes-council");
        post(approved + "/call-to-order", "{}");
        post(approved + "/roll-call", "{\"present\":[\"mn-ann\",\"mn-bob\"]}");
        post(approved + "/adjourn", "{}");
        String later = meetingOf("minutes-council");
        String item = body(post(later + "/agenda/items", "{\"title\":\"Approval of the minutes\"}")).get("itemId")
                .asText();
        post(later + "/call-to-order", "{}");
        post(later + "/roll-call", "{\"present\":[\"mn-ann\",\"mn-bob\"]}");
        String motion = body(post(later + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\","
                + "\"mover\":\"mn-ann\",\"seconder\":\"mn-bob\"}")).get("motionId").asText();
        post(later + "/motions/" + motion + "/vote", "{\"roll\":{\"mn-ann\":\"AYE\",\"mn-bob\":\"AYE\"}}");
        String approval = "{\"text\":" + json.writeValueAsString(MINUTES) + ",\"sha256\":\"" + Sha256.hex(MINUTES)
                + "\",\"approvingMeetingId\":\"" + later.substring("/api/meetings/".length()) + "\",\"motionId\":\""
                + motion + "\"}";

        ResponseEntity<String> response = post(approved + "/minutes/approval", approval);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        assertThat(jdbc.queryForList("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""", String.class, approved.substring("/api/meetings/".length())))
                .as("the approval is the approved meeting's own last event")
                .containsExactly("org.civicledger.events.meeting.MinutesApproved");
        assertProblem(post(approved + "/minutes/approval", approval), 409, "minutes-already-approved");
        assertProblem(post(later + "/minutes/approval", approval.replace(Sha256.hex(MINUTES), Sha256.hex("other"))),
                409, "meeting-in-progress");
    }

    @Test
    void aCorrectionNamesAnEventInTheRecordAndOnlyAVoteCanBeCorrected() throws Exception {
        seatedBody("lookup-council", List.of("lk-ann", "lk-bob"));
        String meeting = meetingOf("lookup-council");
        String item = body(post(meeting + "/agenda/items", "{\"title\":\"Proclamation\"}")).get("itemId").asText();
        post(meeting + "/call-to-order", "{}");
        post(meeting + "/roll-call", "{\"present\":[\"lk-ann\",\"lk-bob\"]}");
        post(meeting + "/motions", "{\"itemId\":\"" + item + "\",\"kind\":\"ADOPT\",\"mover\":\"lk-ann\","
                + "\"seconder\":\"lk-bob\"}");
        String motionMade = jdbc.queryForObject("""
                SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1""", String.class, meeting.substring("/api/meetings/".length()));
        String roll = ",\"reason\":\"r\",\"roll\":{\"lk-ann\":\"AYE\",\"lk-bob\":\"NO\"}}";

        assertProblem(post("/api/corrections", "{\"eventId\":\"no-such-event\"" + roll), 404, "event-not-found");
        var refused = assertProblem(post("/api/corrections", "{\"eventId\":\"" + motionMade + "\"" + roll), 422,
                "not-correctable-yet");
        assertThat(refused.get("detail").asText()).as("the type by its contract name").endsWith("is a MotionMade.");
    }
}
