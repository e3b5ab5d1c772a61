package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.civicledger.events.EventJson;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Atom feeds parse with Rome and hold the record's actions, newest first, each with its event's id, when it was
 * recorded and a link to its page: a file's history, a person's actions, a body's actions and meetings, a search.
 */
class AtomFeedsIntegrationTest extends TopicIntegrationTest {

    private static final String S = id().substring(0, 6);
    private static final String BIDAR = "bidar-" + S;
    private static final String PALM = "palm-" + S;
    private static final String BODY = "finance-" + S;
    private static final String FILE = id();
    private static final String MEETING = id();
    private static final String OTHER_FILE = id();
    private static long last;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void record() throws Exception {
        last = topic.publish(new PersonRegistered(BIDAR, "Shiva Bidar", at(-100)),
                new PersonRegistered(PALM, "Larry Palm", at(-100)),
                new BodyCreated(BODY, "Finance Committee " + S, BodyKind.COMMITTEE, 5, at(-90)),
                new FileIntroduced(FILE, "RES-17-" + S.substring(0, 5), FileType.RESOLUTION,
                        "Safe haven <&> " + S, "Text", BIDAR, at(0)),
                new FileIntroduced(OTHER_FILE, "ORD-17-" + S.substring(0, 5), FileType.ORDINANCE, "Bus stops " + S,
                        "Text", PALM, at(0)),
                new CosponsorAdded(FILE, PALM, at(1)),
                new FileReferred(FILE, BODY, at(2)),
                new MeetingScheduled(MEETING, BODY, STARTS, "America/Chicago", "Room 1", at(3)),
                new MotionMade(MEETING, id(), "item-1", FILE, MotionKind.ADOPT, PALM, BIDAR, null, null, at(4)));
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/atom+xml").build(), HttpResponse.BodyHandlers.ofString());
    }

    private Feed feed(String path) throws Exception {
        get("/api/position", last);
        HttpResponse<String> answer = fetch(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        return (Feed) new WireFeedInput().build(new StringReader(answer.body()));
    }

    private static List<String> titles(Feed feed) {
        return feed.getEntries().stream().map(Entry::getTitle).toList();
    }

    private static String alternate(List<Link> links) {
        return links.stream().filter(l -> "alternate".equals(l.getRel())).findFirst().orElseThrow().getHref();
    }

    @Test
    void aFilesFeedIsItsHistoryNewestFirstWithTheEventIdsRecordedTimesAndPages() throws Exception {
        Feed feed = feed("/feeds/files/" + FILE + ".atom");

        JsonNode history = get("/api/files/" + FILE + "/history", last).get("items");
        List<String> ids = new ArrayList<>();
        List<Instant> recorded = new ArrayList<>();
        history.forEach(item -> {
            ids.add(0, "urn:civic-ledger:event:" + item.get("eventId").asText());
            recorded.add(0, Instant.parse(item.get("recordedAt").asText()));
        });
        assertThat(feed.getEntries().stream().map(Entry::getId).toList()).isEqualTo(ids);
        assertThat(feed.getEntries().stream().map(e -> e.getUpdated().toInstant()).toList())
                .as("recorded times, to the second as Atom dates are written").isEqualTo(recorded.stream()
                        .map(i -> i.truncatedTo(ChronoUnit.SECONDS)).toList());
        assertThat(titles(feed)).containsExactly("Motion made", "File referred", "Cosponsor added",
                "File introduced — RES-17-" + S.substring(0, 5));
        assertThat(feed.getTitle()).isEqualTo("RES-17-" + S.substring(0, 5) + " — Safe haven <&> " + S);
        assertThat(feed.getId()).isEqualTo("urn:civic-ledger:feed:files:" + FILE);
        assertThat(alternate(feed.getAlternateLinks())).endsWith("/files/" + FILE);
        assertThat(alternate(feed.getEntries().get(0).getAlternateLinks())).endsWith("/meetings/" + MEETING);
        assertThat(alternate(feed.getEntries().get(1).getAlternateLinks())).endsWith("/files/" + FILE);
        assertThat(feed.getEntries().get(3).getSummary().getValue()).contains("Safe haven <&> " + S)
                .contains("recorded at").contains("by clerk");
        assertThat(feed.getUpdated()).isEqualTo(feed.getEntries().get(0).getUpdated());
    }

    @Test
    void aPersonsFeedHasWhatTheyDidAndWereNamedIn() throws Exception {
        assertThat(titles(feed("/feeds/people/" + PALM + ".atom"))).containsExactly("Motion made",
                "Cosponsor added", "File introduced — ORD-17-" + S.substring(0, 5), "Person registered");
        assertThat(titles(feed("/feeds/people/" + BIDAR + ".atom"))).containsExactly("Motion made",
                "File introduced — RES-17-" + S.substring(0, 5), "Person registered");
    }

    @Test
    void aBodysFeedHasItsOwnEventsItsMeetingsAndTheFilesReferredToIt() throws Exception {
        Feed feed = feed("/feeds/bodies/" + BODY + ".atom");
        assertThat(titles(feed)).containsExactly("Motion made", "Meeting scheduled", "File referred",
                "Body created");
        assertThat(feed.getTitle()).isEqualTo("Finance Committee " + S);
        assertThat(alternate(feed.getEntries().get(3).getAlternateLinks())).endsWith("/bodies/" + BODY);
    }

    @Test
    void aSearchFeedHasTheFilesItFinds() throws Exception {
        Feed feed = feed("/feeds/search.atom?q=" + S + "&type=RESOLUTION");
        assertThat(feed.getEntries().stream().map(Entry::getId).toList())
                .containsExactly("urn:civic-ledger:file:" + FILE);
        assertThat(alternate(feed.getEntries().get(0).getAlternateLinks())).endsWith("/files/" + FILE);
        assertThat(feed("/feeds/search.atom?q=" + S).getEntries()).hasSize(2);
    }

    @Test
    void unknownRecordsAndBadSearchesAreProblems() throws Exception {
        List<List<String>> cases = List.of(List.of("/feeds/files/no-such-file.atom", "404", "file-not-found"),
                List.of("/feeds/people/nobody-" + S + ".atom", "404", "person-not-found"),
                List.of("/feeds/bodies/nobody-" + S + ".atom", "404", "body-not-found"),
                List.of("/feeds/search.atom?q=a&status=NOPE", "400", "invalid-parameter"));
        for (List<String> c : cases) {
            HttpResponse<String> answer = fetch(c.get(0));
            assertThat(answer.statusCode()).as(c.get(0)).isEqualTo(Integer.parseInt(c.get(1)));
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(EventJson.mapper().readTree(answer.body()).get("rule").asText()).isEqualTo(c.get(2));
        }
    }
}
