package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Text the record cannot hold is refused at the door, field by field, for every text field of every command
 * request: 400 {@code invalid-text} naming the field, and nothing reaches the event store.
 */
class RefusedTextIntegrationTest extends CommandSideTest {

    private static final String FILE = "/api/files/" + UUID.randomUUID();
    private static final String MEETING = "/api/meetings/" + UUID.randomUUID();

    /** JSON escapes as a client would send them: NUL, ESC, DEL-free C0, a lone surrogate, non-characters. */
    private static final List<String> BAD = List.of("\\u0000", "\\u001b", "\\u0008", "\\ud800", "\\udc00x",
            "\\ufffe", "\\ufdd0", "\\ud83f\\udfff");

    /** One request per text field: where it goes, a body whose field {@code $} takes the bad text, the field's name. */
    static Stream<Arguments> textFields() {
        List<Arguments> fields = new ArrayList<>();
        field(fields, "/api/people", "{\"id\":\"$\",\"name\":\"Ann\"}", "id");
        field(fields, "/api/people", "{\"id\":\"ann\",\"name\":\"$\"}", "name");
        field(fields, "/api/bodies", "{\"id\":\"$\",\"name\":\"B\",\"seats\":3}", "id");
        field(fields, "/api/bodies", "{\"id\":\"b\",\"name\":\"$\",\"seats\":3}", "name");
        field(fields, "/api/bodies/b/seats", "{\"person\":\"$\",\"from\":\"2015-01-01\"}", "person");
        field(fields, "/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"$\",\"text\":\"T\",\"sponsor\":\"s\"}", "title");
        field(fields, "/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"$\",\"sponsor\":\"s\"}", "text");
        field(fields, "/api/files", "{\"type\":\"RESOLUTION\",\"title\":\"T\",\"text\":\"T\",\"sponsor\":\"$\"}", "sponsor");
        field(fields, FILE + "/cosponsors", "{\"person\":\"$\"}", "person");
        field(fields, FILE + "/referrals", "{\"body\":\"$\"}", "body");
        field(fields, FILE + "/amendments", "{\"text\":\"$\",\"proposedBy\":\"p\"}", "text");
        field(fields, FILE + "/amendments", "{\"text\":\"T\",\"proposedBy\":\"$\"}", "proposedBy");
        field(fields, FILE + "/amendments", "{\"text\":\"T\",\"proposedBy\":\"p\",\"amends\":\"$\"}", "amends");
        field(fields, "/api/meetings", "{\"body\":\"$\",\"startsAt\":\"2017-02-07T18:30:00-06:00\",\"location\":\"L\"}", "body");
        field(fields, "/api/meetings", "{\"body\":\"b\",\"startsAt\":\"2017-02-07T18:30:00-06:00\",\"location\":\"$\"}", "location");
        field(fields, "/api/meetings", "{\"body\":\"b\",\"startsAt\":\"2017-02-07T18:30:00-06:00\",\"location\":\"L\",\"timeZone\":\"$\"}", "timeZone");
        field(fields, MEETING + "/reschedule", "{\"startsAt\":\"2017-02-07T18:30:00-06:00\",\"location\":\"$\"}", "location");
        field(fields, MEETING + "/cancel", "{\"reason\":\"$\"}", "reason");
        field(fields, MEETING + "/agenda/items", "{\"title\":\"$\"}", "title");
        field(fields, MEETING + "/agenda/items", "{\"fileId\":\"$\"}", "fileId");
        field(fields, MEETING + "/roll-call", "{\"present\":[\"a\",\"$\"]}", "present.[1]");
        field(fields, MEETING + "/roll-call", "{\"absent\":[\"$\"]}", "absent.[0]");
        field(fields, MEETING + "/roll-call", "{\"excused\":[\"$\"]}", "excused.[0]");
        field(fields, MEETING + "/arrivals", "{\"person\":\"$\"}", "person");
        field(fields, MEETING + "/departures", "{\"person\":\"$\"}", "person");
        field(fields, MEETING + "/motions", "{\"itemId\":\"$\",\"kind\":\"ADOPT\",\"mover\":\"a\",\"seconder\":\"b\"}", "itemId");
        field(fields, MEETING + "/motions", "{\"itemId\":\"i\",\"kind\":\"ADOPT\",\"mover\":\"$\",\"seconder\":\"b\"}", "mover");
        field(fields, MEETING + "/motions", "{\"itemId\":\"i\",\"kind\":\"ADOPT\",\"mover\":\"a\",\"seconder\":\"$\"}", "seconder");
        field(fields, MEETING + "/motions", "{\"itemId\":\"i\",\"kind\":\"REFER\",\"mover\":\"a\",\"seconder\":\"b\",\"body\":\"$\"}", "body");
        field(fields, MEETING + "/motions", "{\"itemId\":\"i\",\"kind\":\"AMEND\",\"mover\":\"a\",\"seconder\":\"b\",\"amendmentId\":\"$\"}", "amendmentId");
        field(fields, MEETING + "/motions/m/vote", "{\"roll\":{\"$\":\"AYE\"}}", "roll");
        field(fields, MEETING + "/minutes/approval", "{\"text\":\"$\",\"sha256\":\"ab\",\"approvingMeetingId\":\"x\",\"motionId\":\"m\"}", "text");
        field(fields, MEETING + "/minutes/approval", "{\"text\":\"T\",\"sha256\":\"$\",\"approvingMeetingId\":\"x\",\"motionId\":\"m\"}", "sha256");
        field(fields, MEETING + "/minutes/approval", "{\"text\":\"T\",\"sha256\":\"ab\",\"approvingMeetingId\":\"$\",\"motionId\":\"m\"}", "approvingMeetingId");
        field(fields, MEETING + "/minutes/approval", "{\"text\":\"T\",\"sha256\":\"ab\",\"approvingMeetingId\":\"x\",\"motionId\":\"$\"}", "motionId");
        field(fields, "/api/corrections", "{\"eventId\":\"$\",\"reason\":\"r\",\"roll\":{\"a\":\"AYE\"}}", "eventId");
        field(fields, "/api/corrections", "{\"eventId\":\"e\",\"reason\":\"$\",\"roll\":{\"a\":\"AYE\"}}", "reason");
        field(fields, "/api/corrections", "{\"eventId\":\"e\",\"reason\":\"r\",\"roll\":{\"$\":\"AYE\"}}", "roll");
        return fields.stream();
    }

    private static void field(List<Arguments> fields, String path, String body, String field) {
        fields.add(Arguments.of(path, body, field));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("textFields")
    void everyTextFieldRefusesTextThatCannotBeStored(String path, String body, String field) throws Exception {
        for (String bad : BAD) {
            ResponseEntity<String> response = send(HttpMethod.POST, path, body.replace("$", "ok" + bad), true);

            JsonNode problem = assertProblem(response, 400, "invalid-text");
            assertThat(problem.get("field").asText()).as(bad).isEqualTo(field);
        }
        // The same request with ordinary text is not refused for its text (it may fail other rules).
        ResponseEntity<String> plain = send(HttpMethod.POST, path, body.replace("$", "ok"), true);
        assertThat(plain.getBody()).doesNotContain("invalid-text");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE convert_from(payload, 'UTF8') ~* '\\\\u(0000|001b|0008|d800|dc00|fffe|fdd0|d83f)'""",
                Long.class))
                .isZero();
    }

    @Test
    void reorderingTheAgendaRefusesABadItemIdByItsPlaceInTheList() throws Exception {
        ResponseEntity<String> response = send(HttpMethod.PUT, MEETING + "/agenda/order",
                "{\"itemIds\":[\"a\",\"b\\u0000\"]}", true);

        assertThat(assertProblem(response, 400, "invalid-text").get("field").asText()).isEqualTo("itemIds.[1]");
    }

    @Test
    void pathVariablesAndParametersObeyTheSameRule() throws Exception {
        long before = eventCount();

        JsonNode person = assertProblem(send(HttpMethod.DELETE, FILE + "/cosponsors/ann%1B", null, true),
                400, "invalid-text");
        JsonNode item = assertProblem(send(HttpMethod.DELETE, MEETING + "/agenda/items/i%EF%BF%BE", null, true),
                400, "invalid-text");

        assertThat(person.get("field").asText()).isEqualTo("person");
        assertThat(item.get("field").asText()).isEqualTo("itemId");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aNameWithAnAccentedLetterAnEmojiAndLineBreaksIsRecorded() throws Exception {
        ResponseEntity<String> response = post("/api/people",
                "{\"id\":\"maria-jose\",\"name\":\"Mar\\u00eda Jos\\u00e9 \\ud83c\\udfdb\\ufe0f\\r\\nG\\u00f3mez\"}");

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
    }
}
