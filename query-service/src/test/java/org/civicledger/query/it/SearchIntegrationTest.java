package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.AmendmentProposed;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Search finds files by number, title, text, sponsor and cosponsor names and minutes, in English and Spanish; a file
 * number however typed finds that file first; filters combine with the words; the snippet marks the match; nothing
 * a client types gets a 500.
 */
class SearchIntegrationTest extends TopicIntegrationTest {

    private static final String S = id().substring(0, 6);
    private static final int NUMBER = ThreadLocalRandom.current().nextInt(10, 999);
    private static final String PETITION = "PET-17-%05d".formatted(NUMBER);
    private static String safeHaven;
    private static String petition;
    private static String decoy;
    private static String vivienda;
    private static long last;

    @LocalServerPort
    int port;

    @BeforeAll
    static void record() throws Exception {
        String bidar = "bidar-" + S;
        String palm = "palm-" + S;
        safeHaven = id();
        petition = id();
        decoy = id();
        vivienda = id();
        String meetingId = id();
        topic.publish(new PersonRegistered(bidar, "Shiva Bidar" + S, at(-100)),
                new PersonRegistered(palm, "Larry Palm" + S, at(-100)),
                new FileIntroduced(safeHaven, "RES-17-" + S.substring(0, 5), FileType.RESOLUTION,
                        "Codifying Madison as a safe haven " + S, "Limits communication with immigration "
                        + "enforcement " + S, bidar, at(0)),
                new CosponsorAdded(safeHaven, palm, at(1)),
                new FileIntroduced(petition, PETITION, FileType.PETITION, "Petition on bus stops " + S,
                        "Riders ask for shelters", palm, at(60 * 24 * 400)),
                new FileIntroduced(decoy, "ORD-17-" + S.substring(0, 5), FileType.ORDINANCE,
                        "Pet licences " + S, "Amends pet 17 licence rule " + NUMBER + " for " + S, palm,
                        at(60 * 24 * 500)),
                new FileIntroduced(vivienda, "RES-18-" + S.substring(0, 5), FileType.RESOLUTION,
                        "Vivienda asequible " + S, "La resolución fue aprobada por el consejo " + S, bidar,
                        at(60 * 24 * 600)),
                new FileReferred(vivienda, "housing-" + S, at(60 * 24 * 601)),
                new MotionMade(meetingId, id(), "item-1", safeHaven, MotionKind.ADOPT, bidar, palm, null, null,
                        at(5)));
        last = topic.publish(new MinutesApproved(meetingId, "The council heard the bakery" + S
                + " owners on the zoning variance.", "0".repeat(64), id(), id(), at(60 * 24 * 14)));
    }

    private JsonNode search(String query) throws Exception {
        return get("/api/search?" + query, last);
    }

    /** For {@link #search}: the rest template encodes the URL itself. */
    private static String q(String words) {
        return "q=" + words;
    }

    /** For {@link #send}, which sends the URL as it is. */
    private static String encodedQ(String words) {
        return "q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("fileId").asText()));
        return ids;
    }

    @Test
    void theExactFileNumberFindsThatFileFirstHoweverItIsTyped() throws Exception {
        for (String typed : List.of(PETITION, PETITION.toLowerCase(), "pet 17 " + NUMBER, "PET 17-" + NUMBER)) {
            JsonNode answer = search(q(typed));
            assertThat(ids(answer)).as(typed).first().isEqualTo(petition);
            assertThat(answer.get("items").get(0).get("fileNumber").asText()).isEqualTo(PETITION);
        }
        assertThat(ids(search(q("pet 17 " + NUMBER + " " + S)))).as("words that also match another file")
                .contains(decoy);
    }

    @Test
    void wordsMatchTitleTextNamesAndMinutesWithEnglishStemming() throws Exception {
        assertThat(ids(search(q("safe havens " + S)))).containsExactly(safeHaven);
        assertThat(ids(search(q("communicating immigration " + S)))).containsExactly(safeHaven);
        assertThat(ids(search(q("Palm" + S)))).as("sponsor and cosponsor names")
                .containsExactlyInAnyOrder(safeHaven, petition, decoy);
        assertThat(ids(search(q("Bidar" + S)))).containsExactlyInAnyOrder(safeHaven, vivienda);
        JsonNode minutes = search(q("bakery" + S));
        assertThat(ids(minutes)).as("minutes of a meeting that took the file up").containsExactly(safeHaven);
        assertThat(minutes.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void spanishWordsMatchTheirOtherForms() throws Exception {
        assertThat(ids(search(q("aprobar " + S)))).as("aprobada ~ aprobar").containsExactly(vivienda);
        assertThat(ids(search(q("viviendas asequibles " + S)))).as("plurals").containsExactly(vivienda);
        assertThat(ids(search(q("resolución " + S)))).containsExactly(vivienda);
    }

    @Test
    void theSnippetIsPlainTextWithTheMatchedSpans() throws Exception {
        JsonNode item = search(q("bakery" + S)).get("items").get(0);
        String snippet = item.get("snippet").asText();
        assertThat(snippet).contains("bakery" + S).doesNotContain("<").doesNotContain("\uE000");
        JsonNode spans = item.get("highlights");
        assertThat(spans).isNotEmpty();
        List<String> marked = new ArrayList<>();
        spans.forEach(s -> marked.add(snippet.substring(s.get("start").asInt(), s.get("end").asInt())));
        assertThat(marked).contains("bakery" + S);
        assertThat(item.get("title").asText()).startsWith("Codifying Madison");
        assertThat(item.get("status").asText()).isEqualTo("INTRODUCED");
    }

    @Test
    void filtersCombineWithTheWords() throws Exception {
        assertThat(ids(search(q(S) + "&type=RESOLUTION"))).containsExactlyInAnyOrder(safeHaven, vivienda);
        assertThat(ids(search(q(S) + "&type=res&status=referred"))).containsExactly(vivienda);
        assertThat(ids(search(q(S) + "&sponsor=palm-" + S))).as("sponsor or cosponsor")
                .containsExactlyInAnyOrder(safeHaven, petition, decoy);
        assertThat(ids(search(q(S) + "&sponsor=palm-" + S + "&type=ORDINANCE"))).containsExactly(decoy);
        String day = at(60 * 24 * 400).toString().substring(0, 10);
        assertThat(ids(search(q(S) + "&from=" + day + "&to=" + day))).containsExactly(petition);
        assertThat(ids(search("sponsor=bidar-" + S))).as("filters alone, no words")
                .containsExactlyInAnyOrder(safeHaven, vivienda);
        JsonNode firstPage = search(q(S) + "&limit=2");
        assertThat(firstPage.get("items")).hasSize(2);
        assertThat(firstPage.get("total").asLong()).isEqualTo(4);
        JsonNode secondPage = search(q(S) + "&limit=2&offset=2");
        assertThat(ids(secondPage)).hasSize(2).doesNotContainAnyElementsOf(ids(firstPage));
        assertThat(search(q(S) + "&offset=50").get("total").asLong()).as("a page past the end").isEqualTo(4);
    }

    /** The index follows the record: an adopted amendment replaces the text searched, a withdrawal the names. */
    @Test
    void theIndexFollowsAmendmentsAndWithdrawals() throws Exception {
        String t = id().substring(0, 6);
        String fileId = id();
        String amendment = id();
        long introduced = topic.publish(new PersonRegistered("ann-" + t, "Ann Arbor" + t, at(0)),
                new FileIntroduced(fileId, "ORD-18-" + t.substring(0, 5), FileType.ORDINANCE, "Parking meters " + t,
                        "Meters on State" + t + " Street", "sponsor-" + t, at(1)),
                new CosponsorAdded(fileId, "ann-" + t, at(2)));
        assertThat(ids(get("/api/search?" + q("State" + t), introduced))).containsExactly(fileId);
        assertThat(ids(get("/api/search?" + q("Arbor" + t), introduced))).containsExactly(fileId);

        long changed = topic.publish(new AmendmentProposed(fileId, amendment, "Meters on Williamson" + t + " Street",
                        "sponsor-" + t, null, at(3)),
                new AmendmentAdopted(fileId, amendment, null, 2, "Meters on Williamson" + t + " Street", id(), id(),
                        at(4)),
                new CosponsorWithdrawn(fileId, "ann-" + t, at(5)));
        assertThat(ids(get("/api/search?" + q("Williamson" + t), changed))).containsExactly(fileId);
        assertThat(ids(get("/api/search?" + q("State" + t), changed))).as("the current text only").isEmpty();
        assertThat(ids(get("/api/search?" + q("Arbor" + t), changed))).as("current cosponsors only").isEmpty();
    }

    @Test
    void hostileQueriesAreAnsweredNeverWithA500() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> words = List.of("\"unclosed", "foo & | ! <-> :* bar", "\\", "\\\\'\"", "'; DROP TABLE person; --",
                "(((", "-", "OR", "or or or", "a:*", "!!!", "the", "💥 émoji", "<script>alert(1)</script>",
                "RES-99-99999", "res 1 1", " ", "x".repeat(500));
        for (String word : words) {
            HttpResponse<String> answer = send(http, "/api/search?" + encodedQ(word));
            assertThat(answer.statusCode()).as(word).isEqualTo(200);
            assertThat(EventJson.mapper().readTree(answer.body()).has("total")).isTrue();
        }
        List<String> refused = List.of(encodedQ("x".repeat(501)), "q=a&limit=0", "q=a&limit=101", "q=a&limit=abc",
                "q=a&offset=-1", "q=a&offset=10001", "status=PENDINGISH", "type=BILL", "from=2017-13-01",
                "from=2018-01-01&to=2017-01-01", "to=yesterday", "sponsor=" + "p".repeat(101));
        for (String query : refused) {
            HttpResponse<String> answer = send(http, "/api/search?" + query);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(EventJson.mapper().readTree(answer.body()).get("rule").asText()).isEqualTo("invalid-parameter");
        }
        HttpResponse<String> nul = send(http, "/api/search?q=a%00b");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(EventJson.mapper().readTree(nul.body()).get("rule").asText()).isEqualTo("invalid-text");
    }

    private HttpResponse<String> send(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
