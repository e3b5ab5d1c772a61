package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A clerk runs the Madison meeting of February 7, 2017 from the console's live screen in real Chromium — roll call
 * with one absent and one excused, a late arrival, an amendment moved, seconded and adopted, the motion to adopt and
 * its roll-call vote, adjournment — while a second browser on the public meeting page shows each step live. The same
 * meeting is recorded through the API beside it; both records must be the same events and the same minutes.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLiveMeetingEndToEndTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ALDERS = List.of("barbara-harrington-mckinney", "ledell-zellers", "amanda-hall",
            "mike-verveer", "shiva-bidar", "marsha-rummel", "steve-king", "zach-wood", "paul-skidmore",
            "maurice-cheeks", "tim-gruber", "larry-palm", "sara-eskrich", "sheri-carter", "david-ahrens",
            "denise-demarb", "samba-baldeh", "rebecca-kemble", "mark-clear", "matt-phair");
    private static final String ABSENT = "zach-wood";
    private static final String EXCUSED = "amanda-hall";
    private static final String REASON = "Ald. Eskrich voted aye; recorded in error as no";
    private static final String AMENDED = "The Common Council Office is a safe space.\nNo City funds for immigration"
            + " enforcement.";
    /** What happened when, in the city's time (the console's fields) and as instants (the API's). */
    private static final Map<String, String> AT = new LinkedHashMap<>();

    static {
        AT.put("roll-call", "2017-02-07T18:32");
        AT.put("arrival", "2017-02-07T18:38");
        AT.put("amendment", "2017-02-07T18:40");
        AT.put("amend", "2017-02-07T18:50");
        AT.put("amend-vote", "2017-02-07T18:55");
        AT.put("adopt", "2017-02-07T19:10");
        AT.put("adopt-vote", "2017-02-07T19:15");
        AT.put("adjourn", "2017-02-07T22:25");
        AT.put("correction", "2017-02-08T09:00");
    }

    private static Deployment deployment;
    private static Api api;
    private static String viaApi;
    private static String viaConsole;
    private static String spare;
    private static final Map<String, String> FILES = new LinkedHashMap<>();
    private static final Map<String, String> ITEMS = new LinkedHashMap<>();
    private static long last;

    @BeforeAll
    static void theCouncilTwoCopiesOfTheResolutionAndTheirMeetings() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of("CIVIC_CITY_NAME", "City of Madison"));
        api = deployment.api;
        for (String alder : ALDERS) {
            api.record("POST", "/api/people", "{\"id\":\"" + alder + "\",\"name\":\"" + name(alder) + "\"}");
        }
        api.record("POST", "/api/bodies", "{\"id\":\"common-council\",\"name\":\"Common Council\",\"seats\":20}");
        for (String alder : ALDERS) {
            api.record("POST", "/api/bodies/common-council/seats",
                    "{\"person\":\"" + alder + "\",\"from\":\"2015-04-21\",\"role\":\"MEMBER\"}");
        }
        api.record("POST", "/api/bodies/common-council/rules", "{\"quorum\":\"TWO_THIRDS_SEATS\"}");
        for (String run : List.of("api", "console", "spare")) {
            String file = api.record("POST", "/api/files", """
                    {"type":"RESOLUTION","sponsor":"shiva-bidar","occurredAt":"2017-01-24T15:00:00Z",
                     "title":"Codifying the City of Madison as a safe haven for immigrants",
                     "text":"The Common Council Office is designated a safe space."}""").get("fileId").asText();
            String meeting = api.record("POST", "/api/meetings", "{\"body\":\"common-council\","
                    + "\"startsAt\":\"2017-02-07T18:30:00-06:00\",\"location\":\"City County Building\","
                    + "\"occurredAt\":\"2017-01-27T15:00:00Z\"}").get("meetingId").asText();
            ITEMS.put(meeting, api.record("POST", "/api/meetings/" + meeting + "/agenda/items",
                    "{\"fileId\":\"" + file + "\",\"occurredAt\":\"2017-01-27T15:05:00Z\"}").get("itemId").asText());
            last = api.record("POST", "/api/meetings/" + meeting + "/agenda/publish",
                    "{\"occurredAt\":\"2017-02-03T21:00:00Z\"}").get("position").asLong();
            FILES.put(meeting, file);
            switch (run) {
                case "api" -> viaApi = meeting;
                case "console" -> viaConsole = meeting;
                default -> spare = meeting;
            }
        }
        api.read("/api/meetings/" + spare, last);
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void theClerkRunsTheMeetingFromTheConsoleWhileThePublicPageFollowsIt() throws Exception {
        recordTheMeetingThroughTheApi(viaApi);
        List<Long> delays = new ArrayList<>();
        int[] actions = {0};
        try (Browser clerk = Browser.start("en"); Browser watcher = Browser.start("en")) {
            signIn(clerk);
            clerk.driver.get(deployment.commandService.url("/console/meetings/" + viaConsole + "/live"));
            ready(clerk);
            watcher.driver.get(deployment.queryService.url("/meetings/" + viaConsole));
            assertThat(clerk.accessibilityViolations()).as("live screen before the roll call").isEmpty();
            clerk.screenshot("console-live-roll-call-en");

            // Roll call: everyone is marked present already; one absent, one excused.
            click(clerk, By.cssSelector("input[name='status." + ABSENT + "'][value=ABSENT]"), actions);
            click(clerk, By.cssSelector("input[name='status." + EXCUSED + "'][value=EXCUSED]"), actions);
            at(clerk, "roll-call-at", AT.get("roll-call"));
            delays.add(submit(clerk, "#roll-call button[type=submit]", watcher, By.id("quorum"), "18 of 20", actions));

            // Ald. Wood arrives late.
            choose(clerk, "attendance-person", ABSENT, actions);
            at(clerk, "attendance-at", AT.get("arrival"));
            delays.add(submit(clerk, "#attendance button[type=submit]:not([formaction])", watcher, By.id("quorum"),
                    "19 of 20", actions));

            // Ald. Bidar proposes a substitute text; Ald. Palm moves it, Ald. Rummel seconds.
            click(clerk, By.cssSelector("details.amend summary"), actions);
            clerk.driver.findElement(By.id("amendment-text")).sendKeys(AMENDED);
            actions[0]++;
            choose(clerk, "amendment-by", "shiva-bidar", actions);
            at(clerk, "amendment-at", AT.get("amendment"));
            post(clerk, By.cssSelector("#amendment button[type=submit]"), actions);

            // A refusal first: the mover cannot second their own motion; the choices stay as they were.
            choose(clerk, "motion-kind", "AMEND", actions);
            choose(clerk, "motion-mover", "larry-palm", actions);
            choose(clerk, "motion-seconder", "larry-palm", actions);
            at(clerk, "motion-at", AT.get("amend"));
            post(clerk, By.cssSelector("#motion button[type=submit]"), actions);
            WebElement refusal = clerk.driver.findElement(By.id("refusal-motion"));
            assertThat(refusal.getAttribute("data-rule")).isEqualTo("mover-cannot-second");
            assertThat(refusal.getText()).contains("cannot second their own motion");
            assertThat(new Select(clerk.driver.findElement(By.id("motion-kind"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("AMEND");
            assertThat(new Select(clerk.driver.findElement(By.id("motion-mover"))).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("larry-palm");
            assertThat(clerk.driver.findElement(By.id("motion-at")).getAttribute("value")).startsWith(AT.get("amend"));
            assertThat(clerk.accessibilityViolations()).as("live screen with a refusal").isEmpty();
            choose(clerk, "motion-seconder", "marsha-rummel", actions);
            delays.add(submit(clerk, "#motion button[type=submit]", watcher, By.id("floor"),
                    "Moved by Larry Palm, seconded by Marsha Rummel", actions));

            // The amendment's roll call: all aye — two actions.
            click(clerk, By.cssSelector("#vote [data-value=AYE]"), actions);
            assertThat(clerk.driver.findElement(By.id("tally")).getText())
                    .contains("Ayes 19, noes 0").contains("needs 10 ayes of 19 cast: carries");
            at(clerk, "vote-at", AT.get("amend-vote"));
            delays.add(submit(clerk, "#vote button[type=submit]", watcher, By.id("arithmetic"),
                    "19 ayes of 19 present", actions));

            // The motion to adopt, then its roll call: all aye, then Ald. Eskrich no and Ald. Clear abstains.
            choose(clerk, "motion-kind", "ADOPT", actions);
            choose(clerk, "motion-mover", "larry-palm", actions);
            choose(clerk, "motion-seconder", "marsha-rummel", actions);
            at(clerk, "motion-at", AT.get("adopt"));
            delays.add(submit(clerk, "#motion button[type=submit]", watcher, By.id("floor"),
                    "Moved by Larry Palm, seconded by Marsha Rummel", actions));
            click(clerk, By.cssSelector("#vote [data-value=AYE]"), actions);
            click(clerk, By.cssSelector("input[name='vote.sara-eskrich'][value=NO]"), actions);
            click(clerk, By.cssSelector("input[name='vote.mark-clear'][value=ABSTAIN]"), actions);
            assertThat(clerk.driver.findElement(By.id("tally")).getText())
                    .contains("Ayes 17, noes 1, abstentions 1").contains("needs 10 ayes of 18 cast: carries");
            assertThat(clerk.accessibilityViolations()).as("live screen with the vote grid").isEmpty();
            clerk.screenshot("console-live-vote-en");
            at(clerk, "vote-at", AT.get("adopt-vote"));
            delays.add(submit(clerk, "#vote button[type=submit]", watcher, By.id("arithmetic"),
                    "17 ayes of 19 present", actions));
            assertThat(clerk.driver.findElement(By.cssSelector("tr[data-motion] [data-result]")).getText())
                    .isEqualTo("Passed");

            at(clerk, "adjourn-at", AT.get("adjourn"));
            delays.add(submit(clerk, "#adjourn button[type=submit]", watcher, ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("live-h"), "Live")), actions));
            assertThat(clerk.driver.findElement(By.cssSelector("[data-meeting-status]")).getText())
                    .isEqualTo("Adjourned");
            clerk.screenshot("console-live-adjourned-en");

            // The next morning the clerk corrects Ald. Eskrich's vote on the adoption, with the reason.
            String row = "tr[data-motion='" + clerk.driver.findElements(By.cssSelector("tr[data-motion]")).get(1)
                    .getAttribute("data-motion") + "']";
            click(clerk, By.cssSelector(row + " summary"), actions);
            WebElement correction = clerk.driver.findElement(By.cssSelector(row + " form"));
            correction.findElement(By.cssSelector("input[name='vote.sara-eskrich'][value=AYE]")).click();
            correction.findElement(By.name("reason")).sendKeys(REASON);
            actions[0] += 2;
            at(clerk, correction.findElement(By.name("at")).getAttribute("id"), AT.get("correction"));
            post(clerk, By.cssSelector(row + " form button[type=submit]"), actions);
            assertThat(clerk.driver.findElement(By.cssSelector(row + " .tag")).getText()).isEqualTo("corrected");
            // The meeting is over, so its public page no longer streams: a reader reloads and sees the correction.
            watcher.driver.navigate().refresh();
            assertThat(watcher.driver.findElement(By.tagName("main")).getText()).contains("18 ayes of 19 present");
            clerk.driver.get(deployment.commandService.url("/console/meetings/" + viaConsole + "/live?lang=es"));
            assertThat(clerk.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            assertThat(clerk.driver.findElement(By.cssSelector("[data-meeting-status]")).getText())
                    .isEqualTo("Levantada");
            assertThat(clerk.accessibilityViolations()).as("live screen in Spanish").isEmpty();
        }
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        System.out.printf("console: %d actions for the meeting; click → public page shows it (ms): %s;"
                + " median %d, max %d%n", actions[0], delays, sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
        assertThat(delays).allSatisfy(ms -> assertThat(ms).isLessThan(10_000L));
    }

    @Test
    @Order(2)
    void theConsolesRecordIsTheApisRecord() throws Exception {
        long head = api.position();
        assertThat(normalised(events(viaConsole, head))).isEqualTo(normalised(events(viaApi, head)));
        assertThat(normalised(text("/api/meetings/" + viaConsole + "/minutes", head)))
                .isEqualTo(normalised(text("/api/meetings/" + viaApi + "/minutes", head)));
    }

    @Test
    @Order(3)
    void aDoubleSubmissionRecordsOnceAndAPostWithoutItsCsrfTokenRecordsNothing() throws Exception {
        try (Browser clerk = Browser.start("en")) {
            signIn(clerk);
            String live = "/console/meetings/" + spare + "/live";
            clerk.driver.get(deployment.commandService.url(live));
            Cookie session = clerk.driver.manage().getCookieNamed("JSESSIONID");
            String csrf = clerk.driver.findElement(By.cssSelector("#roll-call input[name=_csrf]")).getAttribute("value");
            String key = clerk.driver.findElement(By.cssSelector("#roll-call input[name=idempotencyKey]"))
                    .getAttribute("value");
            StringBuilder form = new StringBuilder("_csrf=" + enc(csrf) + "&idempotencyKey=" + enc(key)
                    + "&at=" + enc(AT.get("roll-call")));
            for (String alder : ALDERS) {
                form.append("&").append(enc("status." + alder)).append("=PRESENT");
            }
            HttpClient http = HttpClient.newHttpClient();
            long before = api.position();
            HttpResponse<String> first = post(http, live + "/roll-call", session, form.toString());
            HttpResponse<String> again = post(http, live + "/roll-call", session, form.toString());
            assertThat(first.statusCode()).isEqualTo(303);
            assertThat(again.statusCode()).isEqualTo(303);
            assertThat(again.headers().firstValue("Idempotent-Replay")).contains("true");
            assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
            // Called to order and the roll taken: two events, once.
            assertThat(api.position()).isEqualTo(before + 2);

            long now = api.position();
            HttpResponse<String> forged = post(http, live + "/adjourn", session,
                    "idempotencyKey=" + enc(key + "-2") + "&at=");
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(api.position()).isEqualTo(now);
            assertThat(api.read("/api/meetings/" + spare, now).get("status").asText()).isEqualTo("IN_PROGRESS");
        }
    }

    private static void recordTheMeetingThroughTheApi(String meeting) throws Exception {
        String base = "/api/meetings/" + meeting;
        List<String> present = ALDERS.stream().filter(a -> !a.equals(ABSENT) && !a.equals(EXCUSED)).sorted().toList();
        api.record("POST", base + "/roll-call", json(Map.of("present", present, "absent", List.of(ABSENT),
                "excused", List.of(EXCUSED), "occurredAt", instant("roll-call"))));
        api.record("POST", base + "/arrivals", json(Map.of("person", ABSENT, "occurredAt", instant("arrival"))));
        String amendment = api.record("POST", "/api/files/" + FILES.get(meeting) + "/amendments", json(Map.of(
                "text", AMENDED, "proposedBy", "shiva-bidar", "occurredAt", instant("amendment"))))
                .get("amendmentId").asText();
        String amend = api.record("POST", base + "/motions", json(Map.of("itemId", ITEMS.get(meeting), "kind", "AMEND",
                "amendmentId", amendment, "mover", "larry-palm", "seconder", "marsha-rummel",
                "occurredAt", instant("amend")))).get("motionId").asText();
        api.record("POST", base + "/motions/" + amend + "/vote", json(Map.of("roll", roll(Map.of()),
                "occurredAt", instant("amend-vote"))));
        String adopt = api.record("POST", base + "/motions", json(Map.of("itemId", ITEMS.get(meeting), "kind", "ADOPT",
                "mover", "larry-palm", "seconder", "marsha-rummel", "occurredAt", instant("adopt"))))
                .get("motionId").asText();
        api.record("POST", base + "/motions/" + adopt + "/vote", json(Map.of("roll",
                roll(Map.of("sara-eskrich", "NO", "mark-clear", "ABSTAIN")), "occurredAt", instant("adopt-vote"))));
        api.record("POST", base + "/adjourn", json(Map.of("occurredAt", instant("adjourn"))));
        JsonNode adoption = api.read(base + "/motions", api.position()).get("items").get(1).get("vote");
        api.record("POST", "/api/corrections", json(Map.of("eventId", adoption.get("eventId").asText(),
                "reason", REASON, "roll", roll(Map.of("mark-clear", "ABSTAIN")), "occurredAt", instant("correction"))));
    }

    private static Map<String, String> roll(Map<String, String> exceptions) {
        Map<String, String> roll = new LinkedHashMap<>();
        ALDERS.stream().filter(a -> !a.equals(EXCUSED)).forEach(a -> roll.put(a, exceptions.getOrDefault(a, "AYE")));
        return roll;
    }

    private static String instant(String step) {
        return java.time.LocalDateTime.parse(AT.get(step)).atZone(java.time.ZoneId.of("America/Chicago"))
                .toInstant().toString();
    }

    private static void signIn(Browser browser) throws Exception {
        browser.driver.get(deployment.commandService.url("/console/login"));
        assertThat(browser.accessibilityViolations()).as("the sign-in page").isEmpty();
        browser.driver.findElement(By.id("username")).sendKeys(Deployment.CLERK);
        browser.driver.findElement(By.id("password")).sendKeys(Deployment.PASSWORD);
        browser.driver.findElement(By.cssSelector("form.login button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-clerk]")));
    }

    private static void click(Browser browser, By what, int[] actions) {
        browser.driver.findElement(what).click();
        actions[0]++;
    }

    private static void choose(Browser browser, String select, String value, int[] actions) {
        new Select(browser.driver.findElement(By.id(select))).selectByValue(value);
        actions[0]++;
    }

    /** The time field, as a clerk recording afterwards from notes types it (not counted: live, it stays blank). */
    private static void at(Browser browser, String field, String local) {
        browser.driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", field, local);
    }

    /** Clicks the submit button; answers the ms from the click until the public page shows {@code text}. */
    private static long submit(Browser clerk, String button, Browser watcher, By where, String text, int[] actions) {
        return submit(clerk, button, watcher, ExpectedConditions.textToBePresentInElementLocated(where, text),
                actions);
    }

    private static long submit(Browser clerk, String button, Browser watcher, ExpectedCondition<?> shown,
                               int[] actions) {
        WebElement leaving = clerk.driver.findElement(By.tagName("html"));
        long start = System.nanoTime();
        click(clerk, By.cssSelector(button), actions);
        new WebDriverWait(watcher.driver, Duration.ofSeconds(15)).pollingEvery(Duration.ofMillis(20)).until(shown);
        long ms = (System.nanoTime() - start) / 1_000_000;
        new WebDriverWait(clerk.driver, Duration.ofSeconds(15)).until(Browser.left(leaving));
        ready(clerk);
        assertThat(clerk.driver.findElements(By.cssSelector("p.error[role=alert]"))).as("refusal after " + button)
                .isEmpty();
        return ms;
    }

    /** Clicks a submit button and waits until the browser has left the page it was on and loaded the answer. */
    private static void post(Browser clerk, By button, int[] actions) {
        WebElement leaving = clerk.driver.findElement(By.tagName("html"));
        click(clerk, button, actions);
        new WebDriverWait(clerk.driver, Duration.ofSeconds(15)).until(Browser.left(leaving));
        ready(clerk);
    }

    /** The clerk's screen has loaded again and its script is running (so a shortcut fills the grid in place). */
    private static void ready(Browser clerk) {
        new WebDriverWait(clerk.driver, Duration.ofSeconds(15)).until(driver -> Boolean.TRUE.equals(
                clerk.driver.executeScript("return document.readyState === 'complete' && !!window.civicConsoleReady")));
    }

    /** The events of the meeting and its file, in order: type, when, by whom and what. */
    private static List<String> events(String meeting, long head) throws Exception {
        List<String> events = new ArrayList<>();
        long after = 0;
        while (after < head) {
            JsonNode page = api.read("/api/events?after=" + after + "&limit=500", head);
            for (JsonNode event : page.get("items")) {
                String aggregate = event.get("aggregateId").asText();
                if (aggregate.equals(meeting) || aggregate.equals(FILES.get(meeting))) {
                    events.add(event.get("type").asText() + " " + event.get("occurredAt").asText() + " "
                            + event.get("recordedBy").asText() + " " + event.get("data"));
                }
                after = event.get("position").asLong();
            }
            if (page.get("items").isEmpty()) {
                break;
            }
        }
        return events;
    }

    private static String text(String path, long head) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(deployment.queryService.url(path + "?minPosition=" + head))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** Ids and file numbers differ between the two runs; each is replaced by the order it first appears in. */
    private static String normalised(Object record) {
        String text = String.valueOf(record);
        Matcher ids = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z]+-\\d{2}-\\d{5}")
                .matcher(text);
        Map<String, String> seen = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(out, seen.computeIfAbsent(ids.group(), id -> "id" + seen.size()));
        }
        ids.appendTail(out);
        return out.toString();
    }

    private static HttpResponse<String> post(HttpClient http, String path, Cookie session, String form)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(deployment.commandService.url(path)))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    private static String name(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                    .append(part.substring(1));
        }
        return name.toString();
    }
}
