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
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The clerk console's meetings screens in real headless Chromium against both services: the clerk schedules a
 * meeting, reschedules it, builds its agenda (a file and two titled items), reorders it by keyboard and by drag,
 * publishes it, cancels another meeting, and approves the first meeting's minutes at a second one whose roll call,
 * motion and vote the API records. Every result is read back from the public API and seen on the screen; refusals
 * show their rule beside the form with the input kept; one rendered form posted twice records once; axe-core finds
 * no WCAG 2.1 AA violation on any screen in English or Spanish.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleMeetingsEndToEndTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CITY = ZoneId.of("America/Chicago");
    private static final List<String> ALDERS = List.of("shiva-bidar", "larry-palm", "tim-gruber");
    private static final Pattern AFTER = Pattern.compile("/console/meetings/([0-9a-f-]{36})\\?after=(\\d+)$");

    private static Deployment deployment;
    private static Api api;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String fileId;
    private static String fileNumber;
    private static String meetingId;
    private static long last;

    @BeforeAll
    static void aCouncilAFileAndASignedInClerk() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of("CIVIC_CITY_NAME", "City of Madison"));
        api = deployment.api;
        for (String alder : ALDERS) {
            api.record("POST", "/api/people", json(Map.of("id", alder, "name", name(alder))));
        }
        api.record("POST", "/api/bodies", "{\"id\":\"common-council\",\"name\":\"Common Council\",\"seats\":3}");
        for (String alder : ALDERS) {
            api.record("POST", "/api/bodies/common-council/seats", json(Map.of("person", alder, "from", "2015-04-21")));
        }
        JsonNode file = api.record("POST", "/api/files", """
                {"type":"RESOLUTION","sponsor":"shiva-bidar",
                 "title":"Codifying the City of Madison as a safe haven for immigrants",
                 "text":"The Common Council Office is designated a safe space."}""");
        fileId = file.get("fileId").asText();
        fileNumber = api.read("/api/files/" + fileId, file.get("position").asLong()).get("fileNumber").asText();

        browser = Browser.start("en");
        driver = browser.driver;
        driver.get(deployment.commandService.url("/console/login"));
        driver.findElement(By.id("username")).sendKeys(Deployment.CLERK);
        driver.findElement(By.id("password")).sendKeys(Deployment.PASSWORD);
        driver.findElement(By.cssSelector("form.login button")).click();
        wait(driver).until(ExpectedConditions.urlMatches("/console$"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void theClerkSchedulesAMeetingFromTheList_andARefusedFormKeepsWhatWasTyped() throws Exception {
        open("/console/meetings");
        audit("meetings-empty");
        new Select(driver.findElement(By.id("schedule-body"))).selectByVisibleText("Common Council");
        setValue("schedule-startsAt", "2031-03-04T18:30");
        long before = api.position();

        submit(By.cssSelector("#schedule button[type=submit]"));

        WebElement refusal = driver.findElement(By.cssSelector("#schedule #refusal-schedule"));
        assertThat(refusal.getAttribute("data-rule")).isEqualTo("invalid-request");
        assertThat(refusal.getText()).contains("location must not be blank");
        WebElement location = driver.findElement(By.id("schedule-location"));
        assertThat(location.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(location.getAttribute("aria-describedby")).isEqualTo("refusal-schedule");
        assertThat(driver.findElement(By.id("schedule-startsAt")).getAttribute("value")).isEqualTo("2031-03-04T18:30");
        assertThat(new Select(driver.findElement(By.id("schedule-body"))).getFirstSelectedOption().getText())
                .isEqualTo("Common Council");
        assertThat(api.position()).as("refused: nothing stored").isEqualTo(before);
        audit("meetings-refused", "schedule-heading");

        // The audit read the screen again in both languages: the form is fresh, so it is filled in again.
        new Select(driver.findElement(By.id("schedule-body"))).selectByVisibleText("Common Council");
        setValue("schedule-startsAt", "2031-03-04T18:30");
        driver.findElement(By.id("schedule-location")).sendKeys("City County Building, 210 Martin Luther King Jr. Blvd");
        submit(By.cssSelector("#schedule button[type=submit]"));

        meetingId = recorded();
        JsonNode meeting = api.read("/api/meetings/" + meetingId, last);
        assertThat(meeting.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(meeting.get("body").asText()).isEqualTo("common-council");
        assertThat(meeting.get("location").asText()).isEqualTo("City County Building, 210 Martin Luther King Jr. Blvd");
        assertThat(OffsetDateTime.parse(meeting.get("startsAt").asText()).toInstant()).isEqualTo(city("2031-03-04T18:30"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Common Council · ").endsWith("Mar 4, 2031, 6:30 PM");
        assertThat(driver.findElement(By.cssSelector("[data-fact=status]")).getText()).isEqualTo("Scheduled");

        open("/console/meetings");
        WebElement row = driver.findElement(By.cssSelector("tr[data-meeting='" + meetingId + "']"));
        assertThat(row.getText()).contains("Common Council", "Scheduled");
        assertThat(row.findElement(By.cssSelector("a[data-link=live]")).getAttribute("href"))
                .endsWith("/console/meetings/" + meetingId + "/live");
        audit("meetings");
    }

    @Test
    @Order(2)
    void theClerkReschedulesIt_andAnEmptyAgendaACancelWithoutReasonOrAMissingTimeIsRefusedWithItsRule()
            throws Exception {
        open("/console/meetings/" + meetingId);
        setValue("reschedule-startsAt", "2031-03-05T19:00");
        WebElement location = driver.findElement(By.id("reschedule-location"));
        location.clear();
        location.sendKeys("Room 201");
        submit(By.cssSelector("#reschedule button[type=submit]"));
        recorded();
        JsonNode meeting = api.read("/api/meetings/" + meetingId, last);
        assertThat(OffsetDateTime.parse(meeting.get("startsAt").asText()).toInstant()).isEqualTo(city("2031-03-05T19:00"));
        assertThat(meeting.get("location").asText()).isEqualTo("Room 201");
        assertThat(driver.findElement(By.cssSelector("[data-fact=location]")).getText()).isEqualTo("Room 201");

        long before = api.position();
        submit(By.cssSelector("#publish button[type=submit]"));
        WebElement empty = driver.findElement(By.cssSelector("#publish #refusal-publish"));
        assertThat(empty.getAttribute("data-rule")).isEqualTo("agenda-empty");
        assertThat(empty.getText()).contains("An agenda needs at least one item to be published.");

        submit(By.cssSelector("#cancel button[type=submit]"));
        WebElement noReason = driver.findElement(By.cssSelector("#cancel #refusal-cancel"));
        assertThat(noReason.getAttribute("data-rule")).isEqualTo("invalid-request");
        assertThat(noReason.getText()).contains("reason must not be blank");
        assertThat(driver.findElement(By.id("cancel-reason")).getAttribute("aria-invalid")).isEqualTo("true");

        // Markup is text: kept in the refused form, never run. (A time the browser cannot hold is sent blank.)
        String markup = "<script>alert(1)</script> Room \"201\"";
        setValue("reschedule-startsAt", "");
        driver.executeScript("document.getElementById('reschedule-location').value = arguments[0]", markup);
        submit(By.cssSelector("#reschedule button[type=submit]"));
        WebElement noTime = driver.findElement(By.cssSelector("#reschedule #refusal-reschedule"));
        assertThat(noTime.getAttribute("data-rule")).isEqualTo("invalid-request");
        assertThat(noTime.getAttribute("data-field")).isEqualTo("startsAt");
        assertThat(driver.findElement(By.id("reschedule-startsAt")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("reschedule-location")).getAttribute("value")).isEqualTo(markup);
        assertThat(driver.findElements(By.cssSelector("main script"))).isEmpty();
        assertThat(api.position()).as("refused: nothing stored").isEqualTo(before);
        assertThat(api.read("/api/meetings/" + meetingId, last).get("status").asText()).isEqualTo("SCHEDULED");
        audit("meeting-refused");
    }

    @Test
    @Order(3)
    void theClerkBuildsTheAgendaReordersItByKeyboardAndByDragAndPublishesIt() throws Exception {
        open("/console/meetings/" + meetingId);
        new Select(driver.findElement(By.id("item-file"))).selectByValue(fileId);
        submit(By.cssSelector("#addItem button[type=submit]"));
        recorded();
        addTitledItem("Approval of the minutes of February 21, 2031", true);
        addTitledItem("Public comment", false);
        assertThat(titles(api.read("/api/meetings/" + meetingId, last).get("draftAgenda")))
                .containsExactly(fileNumber, "Approval of the minutes of February 21, 2031", "Public comment");

        // By keyboard: the first item's Move down button, focused, pressed with Enter.
        WebElement down = driver.findElement(By.cssSelector("#agenda-draft li:first-child button[data-move=down]"));
        driver.executeScript("arguments[0].focus()", down);
        assertThat(driver.switchTo().activeElement()).isEqualTo(down);
        WebElement page = driver.findElement(By.tagName("html"));
        down.sendKeys(Keys.ENTER);
        wait(driver).until(Browser.left(page));
        recorded();
        assertThat(titles(api.read("/api/meetings/" + meetingId, last).get("draftAgenda")))
                .containsExactly("Approval of the minutes of February 21, 2031", fileNumber, "Public comment");
        assertThat(screenOrder()).containsExactly("Approval of the minutes of February 21, 2031", fileNumber,
                "Public comment");

        // By drag: the last item dropped on the top half of the first.
        List<WebElement> items = driver.findElements(By.cssSelector("#agenda-draft > li"));
        page = driver.findElement(By.tagName("html"));
        driver.executeScript("""
                const [source, target] = arguments;
                const data = new DataTransfer();
                const box = target.getBoundingClientRect();
                const fire = (el, type, y) => el.dispatchEvent(new DragEvent(type,
                        {bubbles: true, cancelable: true, dataTransfer: data, clientX: box.left + 10, clientY: y}));
                fire(source, 'dragstart', 0);
                fire(target, 'dragover', box.top + 2);
                fire(target, 'drop', box.top + 2);
                fire(source, 'dragend', 0);""", items.get(2), items.get(0));
        wait(driver).until(Browser.left(page));
        recorded();
        assertThat(titles(api.read("/api/meetings/" + meetingId, last).get("draftAgenda")))
                .containsExactly("Public comment", "Approval of the minutes of February 21, 2031", fileNumber);
        assertThat(screenOrder()).containsExactly("Public comment", "Approval of the minutes of February 21, 2031",
                fileNumber);

        submit(By.cssSelector("#publish button[type=submit]"));
        recorded();
        JsonNode versions = api.read("/api/meetings/" + meetingId, last).get("agendaVersions");
        assertThat(versions).hasSize(1);
        assertThat(titles(versions.get(0).get("items")))
                .containsExactly("Public comment", "Approval of the minutes of February 21, 2031", fileNumber);
        WebElement version = driver.findElement(By.cssSelector("article.version[data-version='1']"));
        assertThat(version.findElement(By.tagName("h3")).getText()).startsWith("Version 1, published ");
        assertThat(version.findElements(By.tagName("li"))).extracting(WebElement::getText)
                .containsExactly("Public comment", "Approval of the minutes of February 21, 2031 Consent agenda",
                        fileNumber + " · Codifying the City of Madison as a safe haven for immigrants");
        audit("meeting-agenda", "agenda-heading");
    }

    @Test
    @Order(4)
    void oneRenderedFormPostedTwiceRecordsOnce_aControlCharacterOrAnImpossibleDateNothing_andTheItemIsRemoved() throws Exception {
        open("/console/meetings/" + meetingId);
        String cookie = "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
        HttpClient http = HttpClient.newHttpClient();
        String html = http.send(HttpRequest.newBuilder(URI.create(deployment.commandService.url(
                "/console/meetings/" + meetingId))).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String addItem = html.substring(html.indexOf("<form id=\"addItem\""));
        String form = form(Map.of("_csrf", field(addItem, "_csrf"), "idempotencyKey", field(addItem, "idempotencyKey"),
                "fileId", "", "title", "Adjournment"));
        HttpRequest post = HttpRequest.newBuilder(URI.create(deployment.commandService.url(
                        "/console/meetings/" + meetingId + "/agenda/items")))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();

        HttpResponse<String> first = http.send(post, HttpResponse.BodyHandlers.ofString());
        long afterFirst = api.position();
        HttpResponse<String> second = http.send(post, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(api.position()).as("the second post recorded nothing").isEqualTo(afterFirst);
        JsonNode draft = api.read("/api/meetings/" + meetingId, afterFirst).get("draftAgenda");
        assertThat(titles(draft)).containsOnlyOnce("Adjournment").hasSize(4);
        last = afterFirst;

        // A control character in a form field is refused by the command's text guard, before the event store, and
        // the screen says so inside the refused form.
        String cancel = html.substring(html.indexOf("<form id=\"cancel\""));
        HttpResponse<String> hostile = http.send(HttpRequest.newBuilder(URI.create(deployment.commandService.url(
                        "/console/meetings/" + meetingId + "/cancel")))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", field(cancel, "_csrf"),
                        "idempotencyKey", field(cancel, "idempotencyKey"), "reason", "Snow\u0007")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(hostile.statusCode()).isEqualTo(400);
        assertThat(hostile.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(hostile.body()).contains("id=\"refusal-cancel\"").contains("data-rule=\"invalid-text\"");
        assertThat(api.position()).as("refused: nothing stored").isEqualTo(afterFirst);
        assertThat(api.read("/api/meetings/" + meetingId, afterFirst).get("status").asText()).isEqualTo("SCHEDULED");

        // A date that is no date, sent past the browser: the screen again with the rule, not a fault.
        String reschedule = html.substring(html.indexOf("<form id=\"reschedule\""));
        HttpResponse<String> badDate = http.send(HttpRequest.newBuilder(URI.create(deployment.commandService.url(
                        "/console/meetings/" + meetingId + "/reschedule")))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("_csrf", field(reschedule, "_csrf"),
                        "idempotencyKey", field(reschedule, "idempotencyKey"), "startsAt", "2031-02-30T25:00",
                        "location", "Room 201")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(badDate.body()).contains("id=\"refusal-reschedule\"").contains("data-rule=\"invalid-time\"")
                .contains("value=\"2031-02-30T25:00\"");
        assertThat(api.position()).as("refused: nothing stored").isEqualTo(afterFirst);

        // The item added twice over is there once; the clerk removes it again.
        open("/console/meetings/" + meetingId);
        WebElement adjournment = driver.findElements(By.cssSelector("#agenda-draft > li")).stream()
                .filter(li -> li.findElement(By.cssSelector(".item-label")).getText().equals("Adjournment"))
                .findFirst().orElseThrow();
        WebElement remove = adjournment.findElement(By.cssSelector("button[data-remove]"));
        assertThat(remove.getAccessibleName()).isEqualTo("Remove Adjournment");
        WebElement page = driver.findElement(By.tagName("html"));
        remove.click();
        wait(driver).until(Browser.left(page));
        recorded();
        assertThat(titles(api.read("/api/meetings/" + meetingId, last).get("draftAgenda")))
                .containsExactly("Public comment", "Approval of the minutes of February 21, 2031", fileNumber);
        assertThat(screenOrder()).containsExactly("Public comment", "Approval of the minutes of February 21, 2031",
                fileNumber);
    }

    @Test
    @Order(5)
    void theClerkCancelsAnotherMeetingWithAReason() throws Exception {
        JsonNode scheduled = api.record("POST", "/api/meetings", json(Map.of("body", "common-council",
                "startsAt", "2031-04-01T18:30:00-05:00", "location", "City County Building")));
        String other = scheduled.get("meetingId").asText();
        api.read("/api/meetings/" + other, scheduled.get("position").asLong());
        open("/console/meetings/" + other);
        driver.findElement(By.id("cancel-reason")).sendKeys("No quorum expected: spring recess");
        submit(By.cssSelector("#cancel button[type=submit]"));
        assertThat(recorded()).isEqualTo(other);
        JsonNode meeting = api.read("/api/meetings/" + other, last);
        assertThat(meeting.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(meeting.get("cancelReason").asText()).isEqualTo("No quorum expected: spring recess");
        assertThat(driver.findElement(By.cssSelector("[data-fact=status]")).getText()).isEqualTo("Cancelled");
        assertThat(driver.findElement(By.cssSelector("[data-fact=cancelReason]")).getText())
                .isEqualTo("No quorum expected: spring recess");
        assertThat(driver.findElements(By.id("cancel"))).as("a cancelled meeting has no cancel form").isEmpty();
        audit("meeting-cancelled");
    }

    @Test
    @Order(6)
    void theMinutesArePreviewedAndApprovedAtALaterMeetingByItsMotion() throws Exception {
        String meeting = "/api/meetings/" + meetingId;
        api.record("POST", meeting + "/call-to-order", null);
        api.record("POST", meeting + "/roll-call", json(Map.of("present", ALDERS)));
        long adjourned = api.record("POST", meeting + "/adjourn", null).get("position").asLong();

        String later = api.record("POST", "/api/meetings", json(Map.of("body", "common-council",
                "startsAt", "2031-03-19T18:30:00-05:00", "location", "Room 201"))).get("meetingId").asText();
        String itemId = api.record("POST", "/api/meetings/" + later + "/agenda/items",
                json(Map.of("title", "Approval of the minutes of March 5, 2031"))).get("itemId").asText();
        api.record("POST", "/api/meetings/" + later + "/call-to-order", null);
        api.record("POST", "/api/meetings/" + later + "/roll-call", json(Map.of("present", ALDERS)));
        String motionId = api.record("POST", "/api/meetings/" + later + "/motions", json(Map.of("itemId", itemId,
                "kind", "ADOPT", "mover", "larry-palm", "seconder", "tim-gruber"))).get("motionId").asText();
        long voted = api.record("POST", "/api/meetings/" + later + "/motions/" + motionId + "/vote",
                "{\"voice\":\"PASSED\"}").get("position").asLong();
        api.read("/api/meetings/" + later + "/motions", voted);
        JsonNode draft = api.read(meeting + "/minutes.json", Math.max(adjourned, voted));
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");

        open("/console/meetings/" + meetingId);
        assertThat(driver.findElement(By.cssSelector("[data-minutes=status]")).getText()).isEqualTo("Draft");
        assertThat(driver.findElement(By.cssSelector("[data-minutes=sha256]")).getText())
                .isEqualTo(draft.get("sha256").asText());
        assertThat((String) driver.executeScript("return document.querySelector('pre[data-minutes=text]').textContent"))
                .isEqualTo(draft.get("text").asText());
        assertThat(driver.findElements(By.id("approve"))).as("no motions until a meeting is chosen").isEmpty();
        audit("minutes-draft", "minutes-heading");

        new Select(driver.findElement(By.id("approver"))).selectByValue(later);
        submit(By.cssSelector("#choose-approver button[type=submit]"));
        WebElement motion = driver.findElement(By.cssSelector("#approve input[name=motionId]"));
        assertThat(motion.getAttribute("value")).isEqualTo(motionId);
        assertThat(driver.findElement(By.cssSelector("label[for='" + motion.getAttribute("id") + "']")).getText())
                .startsWith("Approval of the minutes of March 5, 2031: moved by Larry Palm");
        audit("minutes-approve", "approve");

        submit(By.cssSelector("#approve button[type=submit]"));
        assertThat(recorded()).isEqualTo(meetingId);
        JsonNode minutes = api.read(meeting + "/minutes.json", last);
        assertThat(minutes.get("status").asText()).isEqualTo("APPROVED");
        assertThat(minutes.get("sha256").asText()).isEqualTo(draft.get("sha256").asText());
        assertThat(minutes.get("text").asText()).isEqualTo(draft.get("text").asText());
        assertThat(minutes.get("approval").get("approvingMeetingId").asText()).isEqualTo(later);
        assertThat(minutes.get("approval").get("motionId").asText()).isEqualTo(motionId);
        assertThat(driver.findElement(By.cssSelector("[data-minutes=status]")).getText()).isEqualTo("Approved");
        assertThat(driver.findElement(By.cssSelector("[data-minutes=sha256]")).getText())
                .isEqualTo(draft.get("sha256").asText());
        assertThat(driver.findElement(By.cssSelector("[data-minutes=approval]")).getText())
                .startsWith("Common Council · ").contains("Mar 19, 2031, 6:30 PM");
        audit("minutes-approved", "minutes-heading");
    }

    @Test
    @Order(7)
    void anUnknownMeetingOrAMalformedPositionIsAConsolePageNotAFault() throws Exception {
        open("/console/meetings/00000000-0000-4000-8000-000000000000");
        assertThat(driver.findElement(By.cssSelector(".error")).getAttribute("data-rule")).isEqualTo("not-found");
        open("/console/meetings/" + meetingId + "?after=soon");
        assertThat(driver.findElement(By.cssSelector(".error")).getAttribute("data-rule"))
                .isEqualTo("malformed-request");
    }

    private static void addTitledItem(String title, boolean consent) {
        driver.findElement(By.id("item-title")).sendKeys(title);
        if (consent) {
            driver.findElement(By.id("item-consent")).click();
        }
        submit(By.cssSelector("#addItem button[type=submit]"));
        recorded();
    }

    /** Clicks and waits for the next page (a 303 to the screen, or the refused screen again). */
    private static void submit(By button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(button).click();
        wait(driver).until(Browser.left(page));
        wait(driver).until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /** After a recorded action the screen is /console/meetings/{id}?after={position}: answers the id. */
    private static String recorded() {
        Matcher m = AFTER.matcher(driver.getCurrentUrl());
        assertThat(m.find()).as("a 303 to the meeting's screen after the action: " + driver.getCurrentUrl()).isTrue();
        last = Long.parseLong(m.group(2));
        return m.group(1);
    }

    private static void open(String path) {
        driver.get(deployment.commandService.url(path));
    }

    private static void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    /** axe-core finds nothing on the screen as it is, in English, then in Spanish (then back); a screenshot of each. */
    private static void audit(String name) throws Exception {
        audit(name, null);
    }

    /** {@code shown}: the id of the part of the screen the screenshots show (scrolled into view), or null. */
    private static void audit(String name, String shown) throws Exception {
        String url = driver.getCurrentUrl();
        assertThat(browser.accessibilityViolations()).as(name + " (en)").isEmpty();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        scrollTo(shown);
        browser.screenshot("console-" + name + "-en");
        // A refused form's screen is the post's answer: in Spanish, the screen itself is read again.
        String base = url.replaceFirst("[?#].*$", "").replaceFirst("(/console/meetings/[0-9a-f-]{36})/.*$", "$1");
        String query = url.contains("approver=") ? url.replaceFirst("^.*(approver=[^&#]+).*$", "$1&") : "";
        driver.get(base + "?" + query + "lang=es");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.accessibilityViolations()).as(name + " (es)").isEmpty();
        scrollTo(shown);
        browser.screenshot("console-" + name + "-es");
        driver.get(base + "?" + query + "lang=en");
    }

    private static void scrollTo(String id) {
        if (id != null) {
            driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
        }
    }

    private static List<String> titles(JsonNode items) {
        List<String> titles = new ArrayList<>();
        items.forEach(i -> titles.add(i.path("fileNumber").isTextual() ? i.get("fileNumber").asText()
                : i.get("title").asText()));
        return titles;
    }

    private static List<String> screenOrder() {
        return driver.findElements(By.cssSelector("#agenda-draft > li .item-label")).stream()
                .map(WebElement::getText).map(t -> t.startsWith("RES-") ? t.substring(0, t.indexOf(' ')) : t)
                .toList();
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name + " in the rendered form").isTrue();
        return m.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Instant city(String local) {
        return LocalDateTime.parse(local).atZone(CITY).toInstant();
    }

    private static String json(Object value) throws Exception {
        return JSON.writeValueAsString(value);
    }

    private static String name(String id) {
        return java.util.Arrays.stream(id.split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }

    private static WebDriverWait wait(org.openqa.selenium.WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }
}
