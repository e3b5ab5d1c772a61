package org.civicledger.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * The clerk console's roster and files screens in real headless Chromium against both services as processes: a
 * clerk registers people, creates a committee, seats a chair and sets its rules; introduces a resolution, adds and
 * withdraws cosponsors with the time they signed, refers it and proposes amendments of both degrees, seeing each
 * action in the public API and on the screen; refusals stand beside the control with the input kept; a double
 * submission records once; axe-core finds no WCAG 2.1 AA violation on any screen in English or Spanish.
 */
@Testcontainers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleRosterAndFilesEndToEndTest {

    @Container
    static final PostgreSQLContainer<?> POSTGRES = new PostgreSQLContainer<>("postgres:15");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:3.9.1");

    private static final Pattern AFTER = Pattern.compile("[?&]after=(\\d+)");

    private static Deployment deployment;
    private static Api api;
    private static Browser browser;
    private static ChromeDriver driver;
    private static String fileId;

    @BeforeAll
    static void twoAldersRegisteredThroughTheApiAndAClerkSignedIn() throws Exception {
        deployment = Deployment.start(POSTGRES, KAFKA, Map.of());
        api = deployment.api;
        api.record("POST", "/api/people", "{\"id\":\"shiva-bidar\",\"name\":\"Shiva Bidar\"}");
        long last = api.record("POST", "/api/people", "{\"id\":\"larry-palm\",\"name\":\"Larry Palm\"}")
                .get("position").asLong();
        api.read("/api/people", last);
        browser = Browser.start("en");
        driver = browser.driver;
        driver.get(console("/console/login"));
        driver.findElement(By.id("username")).sendKeys(Deployment.CLERK);
        driver.findElement(By.id("password")).sendKeys(Deployment.PASSWORD);
        driver.findElement(By.cssSelector("form.login button")).click();
        wait(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-clerk]")));
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
    void aClerkRegistersAPersonCreatesACommitteeSeatsItsChairAndSetsItsRules() throws Exception {
        driver.get(console("/console/roster"));
        type("person-personId", "tim-gruber");
        type("person-name", "Tim Gruber");
        long position = submit("person-form");
        assertThat(api.read("/api/people/tim-gruber", position).get("name").asText()).isEqualTo("Tim Gruber");
        assertThat(driver.findElement(By.cssSelector("[data-people] tr[data-person='tim-gruber'] th")).getText())
                .isEqualTo("Tim Gruber");
        assertThat(driver.findElement(By.cssSelector("[data-recorded]")).getText()).startsWith("Recorded.");

        // The id is taken: the rule's message beside the id, everything typed kept, nothing stored.
        long before = api.position();
        type("person-personId", "tim-gruber");
        type("person-name", "Timothy Gruber");
        send("person-form");
        assertRefused("person", "person-already-registered", "person-personId");
        assertThat(value("person-personId")).isEqualTo("tim-gruber");
        assertThat(value("person-name")).isEqualTo("Timothy Gruber");
        assertThat(api.position()).isEqualTo(before);

        // Hostile text (a control character) is refused by the command's text guard before the event store, and
        // the refusal is said beside the field with the rest of the form kept; nothing is stored.
        type("person-personId", "maurice-cheeks");
        driver.executeScript("document.getElementById('person-name').value = 'Maurice\\u0007 Cheeks'");
        send("person-form");
        assertRefused("person", "invalid-text", "person-name");
        assertThat(value("person-personId")).isEqualTo("maurice-cheeks");
        assertThat(api.position()).isEqualTo(before);
        driver.get(console("/console/roster"));

        type("body-bodyId", "finance-committee");
        type("body-name", "Finance Committee");
        new Select(driver.findElement(By.id("body-kind"))).selectByValue("COMMITTEE");
        type("body-seats", "3");
        position = submit("body-form");
        JsonNode body = api.read("/api/bodies/finance-committee", position);
        assertThat(body.get("name").asText()).isEqualTo("Finance Committee");
        assertThat(body.get("kind").asText()).isEqualTo("COMMITTEE");
        assertThat(body.get("seats").asInt()).isEqualTo(3);
        assertThat(driver.getCurrentUrl()).contains("/console/roster/bodies/finance-committee");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Finance Committee");

        new Select(driver.findElement(By.id("seat-personId"))).selectByValue("shiva-bidar");
        new Select(driver.findElement(By.id("seat-role"))).selectByValue("CHAIR");
        setValue("seat-from", "2015-04-21");
        position = submit("seat-form");
        JsonNode seat = api.read("/api/bodies/finance-committee", position).get("members").get(0);
        assertThat(seat.get("person").asText()).isEqualTo("shiva-bidar");
        assertThat(seat.get("role").asText()).isEqualTo("CHAIR");
        assertThat(seat.get("from").asText()).isEqualTo("2015-04-21");
        WebElement row = driver.findElement(By.cssSelector("[data-members] tr[data-member='shiva-bidar']"));
        assertThat(row.getText()).contains("Shiva Bidar").contains("Chair").contains("April 21, 2015")
                .contains("Serving");

        // A term that ends before it starts: refused beside the end date, the person still chosen.
        new Select(driver.findElement(By.id("seat-personId"))).selectByValue("larry-palm");
        setValue("seat-from", "2020-01-01");
        setValue("seat-to", "2019-01-01");
        send("seat-form");
        assertRefused("seat", "seat-ends-before-it-starts", "seat-to");
        assertThat(new Select(driver.findElement(By.id("seat-personId"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("larry-palm");
        assertThat(value("seat-to")).isEqualTo("2019-01-01");

        driver.findElement(By.id("quorum-TWO_THIRDS_SEATS")).click();
        position = submit("quorum-form");
        assertThat(api.read("/api/bodies/finance-committee", position).get("quorum").asText())
                .isEqualTo("TWO_THIRDS_SEATS");
        assertThat(driver.findElement(By.cssSelector("[data-quorum]")).getText())
                .isEqualTo("Two-thirds of all seats: 2 members present");
        send("quorum-form");
        assertRefused("quorum", "quorum-rule-unchanged", "quorum-TWO_THIRDS_SEATS");

        new Select(driver.findElement(By.id("threshold-motion"))).selectByValue("ADOPT_UNDER_SUSPENSION");
        new Select(driver.findElement(By.id("threshold-threshold"))).selectByValue("TWO_THIRDS_PRESENT");
        position = submit("threshold-form");
        assertThat(api.read("/api/bodies/finance-committee", position).get("thresholds")
                .get("ADOPT_UNDER_SUSPENSION").asText()).isEqualTo("TWO_THIRDS_PRESENT");
        assertThat(driver.findElement(By.cssSelector("[data-thresholds] tr[data-motion='ADOPT_UNDER_SUSPENSION']"))
                .getText()).contains("Two-thirds of the members present");

        driver.get(console("/console/roster"));
        assertThat(driver.findElement(By.cssSelector("[data-bodies] tr[data-body='finance-committee']")).getText())
                .contains("Finance Committee").contains("Committee").contains("3").contains("Two-thirds of all seats");
    }

    @Test
    @Order(2)
    void aClerkIntroducesAFileAddsAndWithdrawsCosponsorsRefersItAndProposesAmendmentsOfBothDegrees()
            throws Exception {
        driver.get(console("/console/files"));
        new Select(driver.findElement(By.id("introduce-type"))).selectByValue("RESOLUTION");
        new Select(driver.findElement(By.id("introduce-sponsor"))).selectByValue("shiva-bidar");
        type("introduce-title", "Codifying Madison as a safe haven");
        setValue("introduce-text", "The Common Council Office is a safe space.\nNo City funds for enforcement.\n"
                + "Services regardless of status.");
        setValue("introduce-occurredAt", "2017-01-24T09:00");
        long position = submit("introduce-form");
        Matcher id = Pattern.compile("/console/files/([0-9a-f-]{36})").matcher(driver.getCurrentUrl());
        assertThat(id.find()).as(driver.getCurrentUrl()).isTrue();
        fileId = id.group(1);
        JsonNode file = api.read("/api/files/" + fileId, position);
        assertThat(file.get("fileNumber").asText()).as("numbered in the year it was introduced, city time")
                .isEqualTo("RES-17-00001");
        assertThat(file.get("sponsor").asText()).isEqualTo("shiva-bidar");
        assertThat(file.get("introducedAt").asText()).isEqualTo("2017-01-24T15:00:00Z");
        assertThat(file.get("text").asText()).isEqualTo("The Common Council Office is a safe space.\n"
                + "No City funds for enforcement.\nServices regardless of status.");
        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("RES-17-00001: Codifying Madison as a safe haven");
        assertThat(driver.findElement(By.cssSelector("[data-facts]")).getText()).contains("Shiva Bidar")
                .contains("January 24, 2017, 9:00 AM");

        new Select(driver.findElement(By.id("cosponsor-person"))).selectByValue("larry-palm");
        setValue("cosponsor-occurredAt", "2017-01-25T10:10");
        position = submit("cosponsor-form");
        assertThat(texts(api.read("/api/files/" + fileId, position).get("cosponsors"))).containsExactly("larry-palm");
        assertThat(occurredAt(position)).as("the time the cosponsor signed, city time")
                .isEqualTo("2017-01-25T16:10:00Z");
        assertThat(driver.findElement(By.cssSelector("[data-cosponsors]")).getText())
                .isEqualTo("Larry Palm, signed January 25, 2017, 10:10 AM");

        // The sponsor cannot cosponsor: beside the member's control, the choice kept.
        new Select(driver.findElement(By.id("cosponsor-person"))).selectByValue("shiva-bidar");
        send("cosponsor-form");
        assertRefused("cosponsor", "sponsor-cannot-cosponsor", "cosponsor-person");
        assertThat(new Select(driver.findElement(By.id("cosponsor-person"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("shiva-bidar");

        // A time in the future is refused beside the time.
        new Select(driver.findElement(By.id("cosponsor-person"))).selectByValue("tim-gruber");
        setValue("cosponsor-occurredAt", "2099-01-01T10:00");
        send("cosponsor-form");
        assertRefused("cosponsor", "occurred-at-in-future", "cosponsor-occurredAt");
        assertThat(value("cosponsor-occurredAt")).isEqualTo("2099-01-01T10:00");

        new Select(driver.findElement(By.id("withdraw-person"))).selectByValue("larry-palm");
        setValue("withdraw-occurredAt", "2017-01-26T08:00");
        position = submit("withdraw-form");
        assertThat(api.read("/api/files/" + fileId, position).get("cosponsors")).isEmpty();
        assertThat(occurredAt(position)).isEqualTo("2017-01-26T14:00:00Z");
        assertThat(driver.findElements(By.cssSelector("[data-cosponsors]"))).isEmpty();

        new Select(driver.findElement(By.id("refer-body"))).selectByValue("finance-committee");
        position = submit("refer-form");
        JsonNode referred = api.read("/api/files/" + fileId, position);
        assertThat(referred.get("referrals").get(0).get("body").asText()).isEqualTo("finance-committee");
        assertThat(referred.get("status").asText()).isEqualTo("REFERRED");
        assertThat(driver.findElement(By.cssSelector("[data-referrals]")).getText()).contains("Finance Committee");
        assertThat(driver.findElement(By.cssSelector("[data-status]")).getText()).isEqualTo("Referred");

        new Select(driver.findElement(By.id("amend-proposedBy"))).selectByValue("larry-palm");
        setValue("amend-text", "The Common Council Office is a safe space.\nNo City funds for immigration "
                + "enforcement.\nServices regardless of status.");
        position = submit("amend-form");
        JsonNode first = api.read("/api/files/" + fileId, position).get("amendments").get(0);
        assertThat(first.get("proposedBy").asText()).isEqualTo("larry-palm");
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.get("amends").isNull()).isTrue();
        String firstId = first.get("amendmentId").asText();
        WebElement diff = driver.findElement(By.cssSelector("[data-amendment='" + firstId + "'] [data-diff]"));
        assertThat(diff.findElements(By.cssSelector("[data-op=removed] .line"))).extracting(WebElement::getText)
                .containsExactly("No City funds for enforcement.");
        assertThat(diff.findElements(By.cssSelector("[data-op=added] .line"))).extracting(WebElement::getText)
                .containsExactly("No City funds for immigration enforcement.");
        assertThat(diff.findElements(By.cssSelector("[data-op=same]"))).hasSize(2);

        new Select(driver.findElement(By.id("amend-amends"))).selectByValue(firstId);
        new Select(driver.findElement(By.id("amend-proposedBy"))).selectByValue("shiva-bidar");
        setValue("amend-text", "The Common Council Office is a safe space.\nNo City funds for federal immigration "
                + "enforcement.\nServices regardless of status.");
        position = submit("amend-form");
        JsonNode second = api.read("/api/files/" + fileId, position).get("amendments").get(1);
        assertThat(second.get("amends").asText()).isEqualTo(firstId);
        assertThat(second.get("proposedBy").asText()).isEqualTo("shiva-bidar");
        WebElement secondDegree = driver.findElement(By.cssSelector("[data-amendment='"
                + second.get("amendmentId").asText() + "']"));
        assertThat(secondDegree.findElement(By.tagName("h3")).getText())
                .isEqualTo("Amendment 2, proposed by Shiva Bidar, to amendment 1");
        assertThat(secondDegree.findElements(By.cssSelector("[data-op=added] .line")))
                .extracting(WebElement::getText).containsExactly("No City funds for federal immigration enforcement.");

        // No third degree: an amendment to the second-degree one is not offered, and refused if forged.
        assertThat(driver.findElements(By.cssSelector("#amend-amends option[value='"
                + second.get("amendmentId").asText() + "']"))).isEmpty();
    }

    @Test
    @Order(3)
    void theSameRenderedFormPostedTwiceRecordsOnceAndMalformedInputNeverFails() throws Exception {
        String roster = get("/console/roster").body();
        Map<String, String> form = formFields(roster, "/console/roster/people");
        form.put("personId", "maurice-cheeks");
        form.put("name", "Maurice Cheeks");
        long before = api.position();
        HttpResponse<String> once = post("/console/roster/people", form);
        HttpResponse<String> twice = post("/console/roster/people", form);
        assertThat(once.statusCode()).isEqualTo(303);
        assertThat(twice.statusCode()).isEqualTo(303);
        assertThat(twice.headers().firstValue("Idempotent-Replay")).hasValue("true");
        assertThat(twice.headers().firstValue("Location")).isEqualTo(once.headers().firstValue("Location"));
        assertThat(api.position()).as("one event for two posts of one form").isEqualTo(before + 1);
        assertThat(api.read("/api/people/maurice-cheeks", before + 1).get("name").asText())
                .isEqualTo("Maurice Cheeks");

        // The same input in a fresh render is a new submission: refused with the rule's own status.
        Map<String, String> again = formFields(get("/console/roster").body(), "/console/roster/people");
        again.put("personId", "maurice-cheeks");
        again.put("name", "Maurice Cheeks");
        HttpResponse<String> refused = post("/console/roster/people", again);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("data-rule=\"person-already-registered\"")
                .contains("value=\"Maurice Cheeks\"");

        // Malformed input is a refusal or a 400/404 page, never a 500, and stores nothing.
        String file = "/console/files/" + fileId;
        Map<String, String> cosponsor = formFields(get(file).body(), file + "/cosponsors");
        cosponsor.put("person", "tim-gruber");
        cosponsor.put("occurredAt", "not a time");
        HttpResponse<String> badTime = post(file + "/cosponsors", cosponsor);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("data-rule=\"invalid-time\"").contains("value=\"not a time\"");
        Map<String, String> seats = formFields(get("/console/roster/bodies/finance-committee").body(),
                "/console/roster/bodies/finance-committee/seats");
        seats.put("from", "2015-13-45");
        HttpResponse<String> missing = post("/console/roster/bodies/finance-committee/seats", seats);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("data-rule=\"invalid-request\"").contains("data-field=\"personId\"");
        Map<String, String> body = formFields(get("/console/roster").body(), "/console/roster/bodies");
        body.put("bodyId", "Not A Slug!");
        body.put("name", "x");
        body.put("seats", "lots");
        body.put("kind", "PARLIAMENT");
        assertThat(post("/console/roster/bodies", body).body()).contains("data-field=\"bodyId\"");
        assertThat(get("/console/files/not-a-file").statusCode()).isEqualTo(404);
        assertThat(get("/console/files/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
        assertThat(get("/console/roster/bodies/no-such-body").statusCode()).isEqualTo(404);
        assertThat(get("/console/roster?after=soon").statusCode()).isEqualTo(400);
        assertThat(post("/console/files/not-a-file/referrals",
                formFields(get(file).body(), file + "/referrals")).statusCode()).isEqualTo(404);
        assertThat(api.position()).isEqualTo(before + 1);
    }

    @Test
    @Order(4)
    void everyScreenPassesAxeInEnglishAndSpanish() throws Exception {
        Map<String, String> screens = new LinkedHashMap<>();
        screens.put("console-roster", "/console/roster");
        screens.put("console-body", "/console/roster/bodies/finance-committee");
        screens.put("console-files", "/console/files");
        screens.put("console-file", "/console/files/" + fileId);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        driver.manage().window().setSize(new Dimension(1280, 800));
        for (String lang : List.of("en", "es")) {
            for (Map.Entry<String, String> screen : screens.entrySet()) {
                driver.get(console(screen.getValue() + "?lang=" + lang));
                assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                List<String> found = browser.accessibilityViolations();
                if (!found.isEmpty()) {
                    violations.put(screen.getKey() + " " + lang, found);
                }
                browser.screenshot(screen.getKey() + "-" + lang);
            }
        }
        // A refused form, too: the message and the invalid control are part of what must be accessible.
        driver.get(console("/console/files/" + fileId + "?lang=en"));
        new Select(driver.findElement(By.id("cosponsor-person"))).selectByValue("shiva-bidar");
        send("cosponsor-form");
        assertRefused("cosponsor", "sponsor-cannot-cosponsor", "cosponsor-person");
        List<String> refused = browser.accessibilityViolations();
        if (!refused.isEmpty()) {
            violations.put("console-file refused en", refused);
        }
        browser.screenshot("console-file-refused-en");
        // At a tablet's width every screen still fits: nothing scrolls sideways.
        driver.manage().window().setSize(new Dimension(768, 1024));
        for (Map.Entry<String, String> screen : screens.entrySet()) {
            driver.get(console(screen.getValue() + "?lang=es"));
            assertThat((Boolean) driver.executeScript(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as(screen.getKey() + " at 768 px").isTrue();
            browser.screenshot(screen.getKey() + "-tablet-es");
        }
        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.get(console("/console/files?lang=es"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Expedientes legislativos");
        assertThat(driver.findElement(By.cssSelector("[data-files] tr[data-file='" + fileId + "']")).getText())
                .contains("Remitido").contains("24 de enero de 2017, 09:00");
        driver.get(console("/console/files?lang=en"));
        assertThat(violations).as("axe-core, WCAG 2.1 A and AA").isEmpty();
    }

    private static void assertRefused(String form, String rule, String controlId) {
        List<WebElement> found = driver.findElements(By.id("refusal-" + form));
        assertThat(found).as("the refusal of " + form + " on " + driver.getCurrentUrl() + ":\n"
                + driver.findElement(By.tagName("body")).getText()).hasSize(1);
        WebElement refusal = found.get(0);
        assertThat(refusal.getAttribute("data-rule")).isEqualTo(rule);
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(refusal.getText()).contains("(rule: " + rule + ")");
        assertThat(driver.findElement(By.id(form + "-form")).findElements(By.id("refusal-" + form)))
                .as("the message is inside the refused form").hasSize(1);
        WebElement control = driver.findElement(By.id(controlId));
        assertThat(control.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(control.getAttribute("aria-describedby")).contains("refusal-" + form);
        assertThat(driver.switchTo().activeElement().getAttribute("name")).as("the refused control has the focus")
                .isEqualTo(control.getAttribute("name"));
    }

    /** Submits the form with its button and waits for the page that answers. */
    private static void send(String formId) {
        driver.executeScript("window.beforeSubmit = true");
        driver.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
        wait(driver).ignoring(RuntimeException.class).until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
                .executeScript("return window.beforeSubmit !== true && document.readyState === 'complete'")));
    }

    /** Submits the form, waits for the 303's screen and answers the action's position (its {@code after}). */
    private static long submit(String formId) {
        send(formId);
        Matcher after = AFTER.matcher(driver.getCurrentUrl());
        assertThat(after.find()).as(formId + " recorded, but the page says:\n"
                + driver.findElement(By.tagName("body")).getText()).isTrue();
        return Long.parseLong(after.group(1));
    }

    private static void type(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Date, time and textarea values set as a picker would (sendKeys into them depends on the locale). */
    private static void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private static String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The occurredAt of the event recorded at {@code position} in the file's history. */
    private static String occurredAt(long position) throws Exception {
        for (JsonNode item : api.read("/api/files/" + fileId + "/history", position).get("items")) {
            if (item.get("position").asLong() == position) {
                return item.get("occurredAt").asText();
            }
        }
        throw new AssertionError("no event at " + position);
    }

    private static String console(String path) {
        return deployment.commandService.url(path);
    }

    private static WebDriverWait wait(org.openqa.selenium.WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    // The browser's session, used from the JDK's HttpClient to post one rendered form twice.

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String session() {
        return "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(console(path))).header("Cookie", session()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(console(path))).header("Cookie", session())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields (CSRF token, idempotency key) of the form posting to {@code action} in a page. */
    private static Map<String, String> formFields(String page, String action) {
        int start = page.indexOf("action=\"" + action + "\"");
        assertThat(start).as("a form posting to " + action).isNotNegative();
        String form = page.substring(start, page.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : List.of("_csrf", "idempotencyKey")) {
            Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(form);
            assertThat(m.find()).as(name + " in the form to " + action).isTrue();
            fields.put(name, m.group(1));
        }
        return fields;
    }
}
