package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The public web in real headless Chromium against both services as processes: a newcomer finds the safe-haven
 * resolution, reads its cosponsors and history, looks at the record as of an earlier moment and downloads the
 * bundle; a second browser watches a meeting live while the clerk's API records it, drops its connection and catches
 * up without a gap or a repeat; axe-core finds no WCAG 2.1 AA violation on any page type, in English or Spanish.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicWebBrowserEndToEndTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static final List<String> ALDERS = List.of("shiva-bidar", "larry-palm", "tim-gruber", "maurice-cheeks",
            "mark-clear", "marsha-rummel", "sara-eskrich", "matt-phair");
    private static final List<String> COSPONSORS = List.of("Larry Palm", "Tim Gruber", "Maurice Cheeks", "Mark Clear",
            "Marsha Rummel", "Matt Phair", "Sara Eskrich");

    private static Deployment deployment;
    private static Api api;
    private static String fileId;
    private static String meetingId;
    private static String itemId;
    private static long last;

    @BeforeAll
    static void theSafeHavenResolutionAndAMeetingAboutToStart() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of("CIVIC_CITY_NAME", "City of Madison"));
        api = deployment.api;
        for (String person : ALDERS) {
            // Registered long before the file, so a council-time cut of January 2017 knows their names.
            api.record("POST", "/api/people", "{\"id\":\"" + person + "\",\"name\":\"" + name(person)
                    + "\",\"occurredAt\":\"2015-04-01T12:00:00Z\"}");
        }
        // Eight seats, all filled: seven present make a quorum (a majority of seats, 5).
        api.record("POST", "/api/bodies", "{\"id\":\"common-council\",\"name\":\"Common Council\","
                + "\"kind\":\"COUNCIL\",\"seats\":8,\"occurredAt\":\"2015-04-01T12:00:00Z\"}");
        for (String alder : ALDERS) {
            api.record("POST", "/api/bodies/common-council/seats",
                    "{\"person\":\"" + alder + "\",\"from\":\"2015-04-21\",\"role\":\"MEMBER\"}");
        }
        fileId = api.record("POST", "/api/files", """
                {"type":"RESOLUTION","sponsor":"shiva-bidar","occurredAt":"2017-01-24T15:00:00Z",
                 "title":"Codifying the City of Madison as a safe haven for immigrants",
                 "text":"The Common Council Office is designated a safe space. ..."}""").get("fileId").asText();
        cosponsor("larry-palm", "2017-01-25T16:10:00Z");
        cosponsor("tim-gruber", "2017-01-26T14:00:00Z");
        cosponsor("maurice-cheeks", "2017-01-27T19:30:00Z");
        cosponsor("mark-clear", "2017-01-30T15:00:00Z");
        cosponsor("marsha-rummel", "2017-01-30T21:45:00Z");
        cosponsor("sara-eskrich", "2017-01-31T13:05:00Z");
        cosponsor("matt-phair", "2017-01-31T14:15:00Z");
        api.record("DELETE", "/api/files/" + fileId + "/cosponsors/sara-eskrich?occurredAt=2017-01-31T14:40:00Z",
                null);
        cosponsor("sara-eskrich", "2017-01-31T15:20:00Z");

        meetingId = api.record("POST", "/api/meetings", "{\"body\":\"common-council\",\"startsAt\":\""
                + Instant.now().minusSeconds(60) + "\",\"location\":\"City County Building\"}").get("meetingId")
                .asText();
        itemId = api.record("POST", "/api/meetings/" + meetingId + "/agenda/items",
                "{\"fileId\":\"" + fileId + "\",\"consent\":false}").get("itemId").asText();
        last = api.record("POST", "/api/meetings/" + meetingId + "/agenda/publish", null).get("position").asLong();
        api.read("/api/meetings/" + meetingId, last);
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void aNewcomerFindsTheResolutionReadsItAsOfAnEarlierMomentAndDownloadsItsBundle() throws Exception {
        try (Browser browser = Browser.start("en")) {
            var driver = browser.driver;
            driver.get(deployment.queryService.url("/"));
            driver.findElement(By.id("q")).sendKeys("safe haven");
            driver.findElement(By.cssSelector("form[role=search] button")).click();
            wait(driver).until(ExpectedConditions.urlContains("/search"));
            driver.findElement(By.linkText("RES-17-00001")).click();

            wait(driver).until(ExpectedConditions.urlContains("/files/" + fileId));
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Codifying the City of Madison as a safe haven for immigrants");
            assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Shiva Bidar");
            assertThat(cosponsors(driver)).containsExactlyElementsOf(COSPONSORS);
            assertThat(driver.findElements(By.cssSelector(".timeline > li"))).hasSize(10);
            browser.screenshot("file-en");

            // Before Ald. Phair signed (Jan 31, 2017, 8:00 am in Madison), by council time: one fewer.
            driver.executeScript("document.getElementById('when').value = '2017-01-31T08:00'");
            driver.findElement(By.cssSelector("#clock option[value=council]")).click();
            driver.findElement(By.cssSelector("form.asof button")).click();
            wait(driver).until(ExpectedConditions.urlContains("occurredBy="));
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("in the past");
            assertThat(cosponsors(driver)).containsExactlyElementsOf(List.of("Larry Palm", "Tim Gruber",
                    "Maurice Cheeks", "Mark Clear", "Marsha Rummel", "Sara Eskrich"));

            driver.findElement(By.linkText("See the record now")).click();
            String bundle = driver.findElement(By.partialLinkText("records-request bundle")).getAttribute("href");
            // The newest events are in a signed checkpoint within seconds; until then the bundle answers 503.
            HttpResponse<byte[]> zip = null;
            for (int attempt = 0; attempt < 40 && (zip == null || zip.statusCode() != 200); attempt++) {
                Thread.sleep(zip == null ? 0 : 250);
                zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(bundle)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            }
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(zip.body()).startsWith(0x50, 0x4b);
        }
    }

    @Test
    @Order(2)
    void everyPageTypeHasNoAccessibilityViolationInEitherLanguage() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("search", "/search?q=safe+haven");
        pages.put("files", "/files");
        pages.put("file", "/files/" + fileId);
        pages.put("file-diff-asof", "/files/" + fileId + "?asOf=" + Instant.now());
        pages.put("meetings", "/meetings");
        pages.put("meeting", "/meetings/" + meetingId);
        pages.put("body", "/bodies/common-council");
        pages.put("person", "/people/larry-palm");
        pages.put("verify", "/verify");
        pages.put("not-found", "/files/no-such-file");
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String lang : List.of("en", "es")) {
            try (Browser browser = Browser.start(lang)) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    String path = page.getValue() + (page.getValue().contains("?") ? "&" : "?") + "lang=" + lang;
                    browser.driver.get(deployment.queryService.url(path));
                    assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                    List<String> found = browser.accessibilityViolations();
                    if (!found.isEmpty()) {
                        violations.put(page.getKey() + " " + lang, found);
                    }
                    browser.screenshot(page.getKey() + "-" + lang);
                }
            }
        }
        assertThat(violations).as("axe-core, WCAG 2.1 A and AA").isEmpty();
    }

    @Test
    @Order(3)
    void aSecondBrowserWatchesTheMeetingLiveAndCatchesUpAfterLosingItsConnection() throws Exception {
        try (Browser meeting = Browser.start("en"); Browser home = Browser.start("en")) {
            meeting.driver.get(deployment.queryService.url("/meetings/" + meetingId));
            home.driver.get(deployment.queryService.url("/"));
            List<Long> positions = new ArrayList<>();
            List<Long> delays = new ArrayList<>();

            JsonNode roll = api.record("POST", "/api/meetings/" + meetingId + "/roll-call",
                    "{\"present\":[\"shiva-bidar\",\"larry-palm\",\"tim-gruber\",\"maurice-cheeks\",\"mark-clear\","
                            + "\"marsha-rummel\",\"sara-eskrich\"],\"absent\":[\"matt-phair\"],\"excused\":[]}");
            positions.add(roll.get("position").asLong());
            delays.add(until(meeting, "quorum", "7 of 8"));

            JsonNode motion = api.record("POST", "/api/meetings/" + meetingId + "/motions",
                    "{\"itemId\":\"" + itemId + "\",\"kind\":\"ADOPT\",\"mover\":\"larry-palm\","
                            + "\"seconder\":\"marsha-rummel\"}");
            positions.add(motion.get("position").asLong());
            delays.add(until(meeting, "floor", "Moved by Larry Palm, seconded by Marsha Rummel"));

            JsonNode vote = api.record("POST", "/api/meetings/" + meetingId + "/motions/"
                    + motion.get("motionId").asText() + "/vote", "{\"roll\":{\"shiva-bidar\":\"AYE\","
                    + "\"larry-palm\":\"AYE\",\"tim-gruber\":\"AYE\",\"maurice-cheeks\":\"AYE\",\"mark-clear\":\"AYE\","
                    + "\"marsha-rummel\":\"AYE\",\"sara-eskrich\":\"NO\"}}");
            positions.add(vote.get("position").asLong());
            delays.add(until(meeting, "last-result", "Passed"));
            assertThat(meeting.driver.findElement(By.id("arithmetic")).getText()).startsWith("6 ayes of 7 present");
            meeting.screenshot("meeting-live-en");
            System.out.printf("command answered → shown on the live meeting page: %s ms%n", delays);

            // The home page's browser loses its stream; Ald. Phair arrives meanwhile.
            home.driver.executeScript("window.civicLive.drop()");
            JsonNode arrival = api.record("POST", "/api/meetings/" + meetingId + "/arrivals",
                    "{\"person\":\"matt-phair\"}");
            positions.add(arrival.get("position").asLong());
            until(meeting, "quorum", "8 of 8");
            new WebDriverWait(home.driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#latest [data-position='" + arrival.get("position").asLong() + "']")));
            for (long position = positions.get(0); position <= positions.get(positions.size() - 1); position++) {
                List<WebElement> lines = home.driver.findElements(
                        By.cssSelector("#latest [data-position='" + position + "']"));
                assertThat(lines).as("event at position %d on the home page", position).hasSize(1);
            }
            assertThat(delays).allSatisfy(ms -> assertThat(ms).isLessThan(5_000L));
        }
    }

    /** Waits until the element's text contains {@code text}; answers how long that took, in ms. */
    private static long until(Browser browser, String id, String text) {
        long start = System.nanoTime();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static List<String> cosponsors(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(By.cssSelector("table.cosponsors tbody tr:not(.withdrawn) td:first-child"))
                .stream().map(WebElement::getText).toList();
    }

    private static WebDriverWait wait(org.openqa.selenium.WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private static long cosponsor(String person, String occurredAt) throws Exception {
        return api.record("POST", "/api/files/" + fileId + "/cosponsors",
                "{\"person\":\"" + person + "\",\"occurredAt\":\"" + occurredAt + "\"}").get("position").asLong();
    }

    private static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
