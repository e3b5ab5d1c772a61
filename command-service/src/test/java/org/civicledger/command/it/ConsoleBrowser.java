package org.civicledger.command.it;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser as far as the console's login needs one: a session cookie, form posts, the page's CSRF token. */
final class ConsoleBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final RawHttp http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String acceptLanguage = "en";

    ConsoleBrowser(String from, int port) {
        this.http = new RawHttp(from, port);
    }

    ConsoleBrowser language(String tag) {
        acceptLanguage = tag;
        return this;
    }

    RawHttp.Response get(String path) throws IOException {
        return remember(http.send("GET " + path + " HTTP/1.1\r\n" + common(), new byte[0]));
    }

    RawHttp.Response post(String path, Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return remember(http.send("POST " + path + " HTTP/1.1\r\n" + common()
                + "Content-Type: application/x-www-form-urlencoded\r\n", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Opens the login page and signs in with its CSRF token; answers the login post's response. */
    RawHttp.Response logIn(String username, String password) throws IOException {
        String token = csrf(get("/console/login"));
        return post("/console/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    String session() {
        return cookies.get("JSESSIONID");
    }

    void useSession(String id) {
        cookies.put("JSESSIONID", id);
    }

    static String csrf(RawHttp.Response page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page: " + page.body());
        }
        return m.group(1);
    }

    private String common() {
        String cookie = cookies.isEmpty() ? "" : "Cookie: " + cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")) + "\r\n";
        return "Accept-Language: " + acceptLanguage + "\r\n" + cookie;
    }

    private RawHttp.Response remember(RawHttp.Response response) {
        for (String set : response.headers().getOrDefault("set-cookie", List.of())) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
