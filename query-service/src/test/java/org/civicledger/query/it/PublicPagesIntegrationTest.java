package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.civicledger.events.roster.SeatAssigned;
import org.civicledger.events.roster.SeatRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The public pages render the record as the API answers it, in English and Spanish, as of any moment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesIntegrationTest extends TopicIntegrationTest {

    private String fileId;
    private String number;
    private String palm;
    private String gruber;
    private String body;
    private String meetingId;
    private long last;

    @BeforeAll
    void aFileWithTwoCosponsorsAndAMeeting() throws Exception {
        String slug = id().substring(0, 8);
        palm = "pg-palm-" + slug;
        gruber = "pg-gruber-" + slug;
        body = "pg-council-" + slug;
        fileId = id();
        number = "RES-17-3" + slug.substring(0, 4);
        meetingId = id();
        topic.publish(new PersonRegistered("pg-bidar-" + slug, "Shiva Bidar", at(-30_000)),
                new PersonRegistered(palm, "Larry Palm", at(-30_000)),
                new PersonRegistered(gruber, "Tim Gruber", at(-30_000)),
                new BodyCreated(body, "Common Council", BodyKind.COUNCIL, 20, at(-30_000)),
                new SeatAssigned(body, palm, SeatRole.MEMBER, LocalDate.of(2015, 4, 21), null, at(-30_000)),
                new FileIntroduced(fileId, number, FileType.RESOLUTION, "Codifying Madison as a safe haven <script>",
                        "RESOLVED, that <b>the City</b> is a safe haven.", "pg-bidar-" + slug, at(-20_000)),
                new CosponsorAdded(fileId, palm, at(-19_000)));
        Thread.sleep(5);
        last = topic.publish(new CosponsorAdded(fileId, gruber, at(-18_000)),
                new MeetingScheduled(meetingId, body, STARTS, "America/Chicago", "City County Building", at(0)));
        get("/api/position", last);
    }

    @Test
    void theFilePageShowsTheRecordWithItsCosponsorsInSigningOrderAndEscapesItsText() {
        ResponseEntity<String> page = html("/files/" + fileId, "en");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
        String body = page.getBody();
        assertThat(body).contains("<html lang=\"en\"").contains(number).contains("Cosponsors")
                .contains("Codifying Madison as a safe haven &lt;script&gt;").doesNotContain("<script>\"")
                .contains("&lt;b&gt;the City&lt;/b&gt;").contains("/api/files/" + fileId + "/records-request");
        assertThat(body.indexOf("Larry Palm")).isPositive().isLessThan(body.indexOf("Tim Gruber"));
    }

    @Test
    void inSpanishTheLabelsAreTranslatedAndTheRecordsTextIsNot() {
        String body = html("/files/" + fileId, "es").getBody();
        assertThat(body).contains("<html lang=\"es\"").contains("Copatrocinadores").contains("Presentado")
                .contains("Codifying Madison as a safe haven");
        assertThat(html("/files/" + fileId, null, "es-MX,es;q=0.9").getBody()).contains("<html lang=\"es\"");
        assertThat(html("/files/" + fileId, null, "fr").getBody()).contains("<html lang=\"en\"");
    }

    @Test
    void theAsOfFormRedirectsToTheCutAndThePageShowsOneCosponsorFewer() throws Exception {
        Instant between = at(-18_500);
        String local = LocalDateTime.ofInstant(between, ZoneId.of("America/Chicago")).toString();
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                rest.getRootUri() + "/files/" + fileId + "?when=" + local + "&clock=council&lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("occurredBy=" + between).contains("lang=en");

        String past = html(location, null).getBody();
        assertThat(past).contains("Larry Palm").doesNotContain("Tim Gruber").contains("as it stood in the past");
    }

    @Test
    void everyPageTypeRendersAndAMissingRecordIsA404Page() {
        for (String path : List.of("/", "/files", "/files?status=INTRODUCED&sponsor=" + palm, "/meetings",
                "/meetings/" + meetingId, "/meetings/" + meetingId + "/live", "/bodies/" + body, "/people/" + palm,
                "/verify", "/search", "/search?q=safe+haven")) {
            for (String lang : List.of("en", "es")) {
                ResponseEntity<String> page = html(path, lang);
                assertThat(page.getStatusCode().value()).as(path + " " + lang + ": " + page.getBody()).isEqualTo(200);
                assertThat(page.getBody()).as(path).doesNotContain("??");
            }
        }
        ResponseEntity<String> missing = html("/files/no-such-file", "en");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(missing.getBody()).contains("Not found");
        assertThat(html("/people/" + gruber, "en").getBody()).contains(number)
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/people/" + gruber + ".atom\"");
        String found = html("/search?q=" + number, "en").getBody();
        assertThat(found).contains("/files/" + fileId).contains("<mark>");
        assertThat(html("/files/" + fileId, "en").getBody())
                .contains("href=\"/feeds/files/" + fileId + ".atom\"");
    }

    private ResponseEntity<String> html(String path, String lang) {
        return html(path + (lang == null ? "" : (path.contains("?") ? "&" : "?") + "lang=" + lang), null, null);
    }

    private ResponseEntity<String> html(String path, String ignored, String acceptLanguage) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html");
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
