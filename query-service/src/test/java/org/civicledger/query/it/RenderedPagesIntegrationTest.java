package org.civicledger.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.file.FileType;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.events.roster.BodyCreated;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.PersonRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A record page is served again from its rendered copy only while the read models are unchanged, in the language it
 * was rendered in, with the headers a fresh render has.
 */
class RenderedPagesIntegrationTest extends TopicIntegrationTest {

    private String slug;
    private String fileId;
    private long last;

    @BeforeEach
    void aFileWithOneCosponsor() throws Exception {
        slug = id().substring(0, 8);
        fileId = id();
        last = topic.publish(new PersonRegistered("rp-bidar-" + slug, "Shiva Bidar", at(-30_000)),
                new PersonRegistered("rp-palm-" + slug, "Larry Palm", at(-30_000)),
                new PersonRegistered("rp-gruber-" + slug, "Tim Gruber", at(-30_000)),
                new FileIntroduced(fileId, "RES-17-4" + slug.substring(0, 4), FileType.RESOLUTION,
                        "Codifying Madison as a safe haven", "RESOLVED.", "rp-bidar-" + slug, at(-20_000)),
                new CosponsorAdded(fileId, "rp-palm-" + slug, at(-19_000)));
        get("/api/position", last);
    }

    @Test
    void aKeptPageIsServedAgainWithTheFreshHeadersUntilANewEventForTheFileChangesIt() throws Exception {
        ResponseEntity<String> fresh = page("/files/" + fileId, "en", null);
        ResponseEntity<String> kept = page("/files/" + fileId, "en", null);
        String etag = fresh.getHeaders().getETag();
        assertThat(etag).startsWith("W/");
        assertThat(kept.getBody()).isEqualTo(fresh.getBody()).contains("Larry Palm").doesNotContain("Tim Gruber");
        for (String name : List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.VARY,
                HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.CONTENT_LENGTH)) {
            assertThat(kept.getHeaders().get(name)).as(name).isEqualTo(fresh.getHeaders().get(name));
        }
        assertThat(fresh.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("en");
        assertThat(fresh.getHeaders().getVary()).containsExactly("Accept-Language", "Cookie");
        assertThat(revalidate("/files/" + fileId, "en", etag).getStatusCode().value()).isEqualTo(304);

        get("/api/position", topic.publish(new CosponsorAdded(fileId, "rp-gruber-" + slug, at(-18_000))));

        ResponseEntity<String> after = page("/files/" + fileId, "en", null);
        assertThat(after.getBody()).contains("Larry Palm").contains("Tim Gruber");
        assertThat(after.getHeaders().getETag()).isNotEqualTo(etag);
        ResponseEntity<String> stale = revalidate("/files/" + fileId, "en", etag);
        assertThat(stale.getStatusCode().value()).isEqualTo(200);
        assertThat(stale.getBody()).contains("Tim Gruber");
    }

    @Test
    void theSpanishAndTheEnglishPageNeverGetEachOthersCopy() {
        String path = "/files/" + fileId;
        ResponseEntity<String> english = page(path, "en", null);
        ResponseEntity<String> spanish = page(path, "es", null);
        ResponseEntity<String> byCookie = page(path, null, "civic-lang=es");
        ResponseEntity<String> englishAgain = page(path, "en", null);

        assertThat(english.getBody()).contains("<html lang=\"en\"").contains("Cosponsors");
        assertThat(spanish.getBody()).contains("<html lang=\"es\"").contains("Copatrocinadores");
        assertThat(spanish.getHeaders().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("es");
        assertThat(spanish.getHeaders().getETag()).isNotEqualTo(english.getHeaders().getETag());
        assertThat(byCookie.getBody()).isEqualTo(spanish.getBody());
        assertThat(englishAgain.getBody()).isEqualTo(english.getBody());
        assertThat(revalidate(path, "es", english.getHeaders().getETag()).getBody()).contains("<html lang=\"es\"");
    }

    @Test
    void theLanguageSwitchThatSetsACookieAndAMeetingNotYetAdjournedAreRenderedEachTime() throws Exception {
        ResponseEntity<String> switched = rest.getForEntity("/files/" + fileId + "?lang=es", String.class);
        assertThat(switched.getHeaders().get(HttpHeaders.SET_COOKIE)).anyMatch(c -> c.startsWith("civic-lang=es"));
        assertThat(switched.getHeaders().getETag()).isNull();

        String body = "rp-council-" + slug;
        String meetingId = id();
        get("/api/position", topic.publish(new BodyCreated(body, "Common Council", BodyKind.COUNCIL, 20, at(-30_000)),
                new MeetingScheduled(meetingId, body, STARTS, "America/Chicago", "City County Building", at(0))));
        ResponseEntity<String> meeting = page("/meetings/" + meetingId, "en", null);
        assertThat(meeting.getStatusCode().value()).isEqualTo(200);
        assertThat(meeting.getHeaders().getETag()).isNull();
        assertThat(page("/files/no-such-" + slug, "en", null).getHeaders().getETag()).isNull();
    }

    private ResponseEntity<String> page(String path, String acceptLanguage, String cookie) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "text/html");
        if (acceptLanguage != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        if (cookie != null) {
            headers.set(HttpHeaders.COOKIE, cookie);
        }
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> revalidate(String path, String acceptLanguage, String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        headers.setIfNoneMatch(etag);
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
