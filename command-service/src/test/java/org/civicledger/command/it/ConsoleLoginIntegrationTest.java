package org.civicledger.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The console's login against the running server: form login, session and CSRF as Spring Security does them; HTTP
 * Basic unchanged for the API. Failed logins come from addresses of their own (127.0.0.x) and lock the account
 * {@code cyd}, so the other tests' clerk ada from 127.0.0.1 is never throttled.
 */
class ConsoleLoginIntegrationTest extends CommandSideTest {

    @LocalServerPort
    int port;

    @Autowired
    ServerProperties server;

    @Autowired
    ServletWebServerApplicationContext context;

    ConsoleBrowser browser() {
        return new ConsoleBrowser("127.0.0.1", port);
    }

    static String path(RawHttp.Response redirect) {
        return redirect.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void givenNoSession_whenTheConsoleIsOpened_thenItRedirectsToTheLoginPage() throws Exception {
        RawHttp.Response response = browser().get("/console");

        assertThat(response.status()).isEqualTo(302);
        assertThat(path(response)).isEqualTo("/console/login");
    }

    @Test
    void givenAPageAskedForBeforeLogin_whenTheClerkSignsIn_thenTheyAreTakenBackToIt() throws Exception {
        ConsoleBrowser browser = browser();
        assertThat(path(browser.get("/console/meetings"))).isEqualTo("/console/login");

        RawHttp.Response login = browser.logIn("ada", "s3cret");

        assertThat(path(login)).startsWith("/console/meetings");
        // The meetings screen reads query-service, which this test does not run: signed in, it answers its 503 page.
        assertThat(browser.get(path(login)).body()).contains("data-clerk>Signed in as ada<");
    }

    @Test
    void givenTheLoginPage_whenAClerkSignsInWithItsCsrfToken_thenTheConsoleSaysWhoIsSignedIn() throws Exception {
        ConsoleBrowser browser = browser();
        RawHttp.Response page = browser.get("/console/login");
        String before = browser.session();

        RawHttp.Response login = browser.post("/console/login",
                Map.of("username", "ada", "password", "s3cret", "_csrf", ConsoleBrowser.csrf(page)));
        RawHttp.Response home = browser.get("/console");

        assertThat(login.status()).isEqualTo(302);
        assertThat(path(login)).isEqualTo("/console");
        assertThat(browser.session()).as("a new session id after login (fixation)").isNotEqualTo(before);
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<html lang=\"en\"").contains("data-clerk>Signed in as ada<")
                .contains("action=\"/console/logout\"").contains("href=\"/console/roster\"")
                .contains("href=\"/console/files\"").contains("href=\"/console/meetings\"");
        assertThat(ConsoleBrowser.csrf(home)).isNotBlank();
        assertThat(home.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void givenNoCsrfToken_whenPostingToTheConsole_thenItIsRefused403() throws Exception {
        ConsoleBrowser browser = browser();
        browser.get("/console/login");
        RawHttp.Response login = browser.post("/console/login", Map.of("username", "ada", "password", "s3cret"));
        assertThat(login.status()).as(login.headers().toString()).isEqualTo(403);

        ConsoleBrowser signedIn = browser();
        signedIn.logIn("ada", "s3cret");
        RawHttp.Response logout = signedIn.post("/console/logout", Map.of());
        RawHttp.Response forged = signedIn.post("/console/logout", Map.of("_csrf", "not-the-token"));

        assertThat(logout.status()).isEqualTo(403);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(signedIn.get("/console").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void givenWrongPassword_whenSigningIn_thenTheErrorIsShownNextToTheFormWithTheUsernameKept() throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser("127.0.0.4", port);

        RawHttp.Response login = browser.logIn("ada\"><script>alert(1)</script>", "wrong");
        RawHttp.Response page = browser.get(path(login));

        assertThat(path(login)).isEqualTo("/console/login?error");
        assertThat(page.body()).contains("data-rule=\"bad-credentials\"").contains("role=\"alert\"")
                .contains("value=\"ada&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .contains("aria-describedby=\"login-error\"").doesNotContain("<script>");
        assertThat(browser.get("/console").status()).as("not signed in").isEqualTo(302);
        assertThat(browser.get("/console/login").body()).as("the error is shown once")
                .doesNotContain("data-rule=");
    }

    @Test
    void givenFiveFailuresForAnAccount_whenTheRightPasswordComes_thenItIsRefusedWhileLocked() throws Exception {
        ConsoleBrowser attacker = new ConsoleBrowser("127.0.0.2", port);
        for (int i = 0; i < 5; i++) {
            assertThat(path(attacker.logIn("cyd", "guess-" + i))).isEqualTo("/console/login?error");
        }

        ConsoleBrowser clerk = new ConsoleBrowser("127.0.0.5", port);
        RawHttp.Response login = clerk.logIn("CYD", "s3cret");
        RawHttp.Response page = clerk.get(path(login));

        assertThat(page.body()).contains("data-rule=\"login-throttled\"").contains("value=\"CYD\"");
        assertThat(clerk.get("/console").status()).as("not signed in").isEqualTo(302);
        RawHttp.Response api = new RawHttp("127.0.0.5", port).send("POST /api/people HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nAuthorization: Basic " + basic("cyd") + "\r\n",
                "{\"id\":\"cyd-locked\",\"name\":\"X\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(api.status()).isEqualTo(429);
        assertThat(json.readTree(api.body()).get("rule").asText()).isEqualTo("login-throttled");
        assertThat(api.header("Retry-After")).isNotNull();
    }

    @Test
    void givenTwentyFailuresFromOneAddress_whenAnyAccountSignsInFromThere_thenItIsRefusedWhileLocked()
            throws Exception {
        ConsoleBrowser sprayer = new ConsoleBrowser("127.0.0.3", port);
        for (int i = 0; i < 20; i++) {
            sprayer.logIn("nobody-" + i, "guess");
        }

        RawHttp.Response fromThere = sprayer.logIn("ada", "s3cret");
        RawHttp.Response elsewhere = browser().logIn("ada", "s3cret");

        assertThat(sprayer.get(path(fromThere)).body()).contains("data-rule=\"login-throttled\"");
        assertThat(path(elsewhere)).isEqualTo("/console");
    }

    @Test
    void givenSignedIn_whenSigningOut_thenTheSessionEnds() throws Exception {
        ConsoleBrowser browser = browser();
        browser.logIn("ada", "s3cret");
        String session = browser.session();
        RawHttp.Response home = browser.get("/console");

        RawHttp.Response logout = browser.post("/console/logout", Map.of("_csrf", ConsoleBrowser.csrf(home)));

        assertThat(logout.status()).isEqualTo(302);
        assertThat(path(logout)).isEqualTo("/console/login?logout");
        assertThat(browser.get(path(logout)).body()).contains("data-notice=\"logged-out\"");
        ConsoleBrowser replay = browser();
        replay.useSession(session);
        RawHttp.Response again = replay.get("/console");
        assertThat(again.status()).isEqualTo(302);
        assertThat(path(again)).startsWith("/console/login");
    }

    @Test
    void givenAnIdleSession_whenItExpires_thenTheClerkIsSentBackToLogin() throws Exception {
        ConsoleBrowser browser = browser();
        browser.logIn("ada", "s3cret");
        String token = ConsoleBrowser.csrf(browser.get("/console"));
        String id = browser.session();
        Session session = tomcatSession(id);
        assertThat(server.getServlet().getSession().getTimeout()).isEqualTo(Duration.ofHours(8));
        assertThat(session.getMaxInactiveInterval()).as("8 h, in seconds").isEqualTo(8 * 3600);

        session.expire();
        RawHttp.Response response = browser.get("/console");

        assertThat(response.status()).isEqualTo(302);
        assertThat(path(response)).isEqualTo("/console/login?expired");
        assertThat(browser.get("/console/login?expired").body()).contains("data-notice=\"session-expired\"");
        ConsoleBrowser stale = browser();
        stale.useSession(id);
        RawHttp.Response post = stale.post("/console/logout", Map.of("_csrf", token));
        assertThat(path(post)).as("a form posted after the timeout goes to login too")
                .isEqualTo("/console/login?expired");
    }

    @Test
    void givenBasicCredentials_whenPostingToTheApi_thenNoCsrfIsNeededAndAConsoleSessionAuthenticatesNothing()
            throws Exception {
        assertThat(post("/api/people", "{\"id\":\"console-basic\",\"name\":\"Basic\"}").getStatusCode().value())
                .isEqualTo(201);

        ConsoleBrowser browser = browser();
        browser.logIn("ada", "s3cret");
        RawHttp.Response withSession = new RawHttp("127.0.0.1", port).send("POST /api/people HTTP/1.1\r\n"
                + "Content-Type: application/json\r\nCookie: JSESSIONID=" + browser.session() + "\r\n",
                "{\"id\":\"console-cookie\",\"name\":\"Cookie\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(withSession.status()).isEqualTo(401);
        assertThat(json.readTree(withSession.body()).get("rule").asText()).isEqualTo("clerk-login-required");
    }

    @Test
    void givenSpanish_whenAskedByHeaderOrParameter_thenTheLoginPageIsInSpanishAndSaysSo() throws Exception {
        String byHeader = new ConsoleBrowser("127.0.0.1", port).language("es-MX,es;q=0.9")
                .get("/console/login").body();
        String byParameter = browser().get("/console/login?lang=es").body();
        String unsupported = new ConsoleBrowser("127.0.0.1", port).language("fr").get("/console/login").body();

        assertThat(byHeader).contains("<html lang=\"es\"").contains("<label for=\"password\">Contraseña</label>");
        assertThat(byParameter).contains("<html lang=\"es\"").contains("href=\"#main\"");
        assertThat(unsupported).contains("<html lang=\"en\"").contains("<label for=\"password\">Password</label>");
    }

    private Session tomcatSession(String id) throws Exception {
        TomcatWebServer web = (TomcatWebServer) context.getWebServer();
        Context app = (Context) web.getTomcat().getHost().findChildren()[0];
        return app.getManager().findSession(id);
    }

    private static String basic(String user) {
        return Base64.getEncoder().encodeToString((user + ":s3cret").getBytes(StandardCharsets.UTF_8));
    }
}
