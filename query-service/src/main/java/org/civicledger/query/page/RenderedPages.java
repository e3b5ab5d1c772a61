package org.civicledger.query.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.civicledger.query.stream.ProjectionPosition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A record page (a file, meeting, body or person) is a function of its URL, its language and the read models. So
 * once rendered it is served again, as bytes, until the read models next change ({@link ProjectionPosition#changes}):
 * it can never show a record older than a fresh render would. Not kept: answers other than 200, answers that set a
 * cookie (the {@code ?lang=} switch), pages that read the clock ({@link #readsTheClock}) and requests with
 * credentials (the security filters judge those). A kept page is served with every header its render had, and a
 * weak ETag naming the state it shows, so a browser's revalidation is a 304. When a kept page goes stale, one request
 * renders it again and the others asking for it meanwhile get that copy, so a change costs one render, not one per
 * open connection.
 */
final class RenderedPages extends OncePerRequestFilter {

    private static final Pattern RECORD_PAGE = Pattern.compile("/(files|meetings|bodies|people)/[^/]+");
    private static final String READS_THE_CLOCK = RenderedPages.class.getName() + ".readsTheClock";
    /** A page depends on the language shown, which the cookie or Accept-Language choose. */
    private static final String VARY = "Accept-Language, Cookie";
    /** A render takes milliseconds; one that takes longer (the store is away) no longer holds others back. */
    private static final Duration SHARED_RENDER_WAIT = Duration.ofSeconds(3);

    private record Rendered(long changes, String etag, String contentType, Locale locale,
                            Map<String, List<String>> headers, byte[] body) {
    }

    private final ProjectionPosition projection;
    private final LocaleResolver languages;
    private final Cache<String, Rendered> pages;
    /** Pages being rendered again after a change, by key and change count. */
    private final Map<String, CompletableFuture<Rendered>> refreshing = new ConcurrentHashMap<>();
    /** ETags from an earlier run (with other templates, and a change count started again) never match. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    RenderedPages(ProjectionPosition projection, LocaleResolver languages, PageCacheSettings settings) {
        this.projection = projection;
        this.languages = languages;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes().toBytes())
                .weigher((String key, Rendered page) -> page.body().length + 2 * key.length())
                .build();
    }

    /** Called while rendering a page that depends on the time it is read (a meeting not yet adjourned). */
    static void readsTheClock(ServletRequest request) {
        request.setAttribute(READS_THE_CLOCK, Boolean.TRUE);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getParameter("lang") != null
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !RECORD_PAGE.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale language = languages.resolveLocale(request);
        String query = request.getQueryString();
        String key = request.getRequestURI() + (query == null ? "" : "?" + query) + " " + language.toLanguageTag();
        // Read before rendering: a change committed during the render makes this copy stale at once.
        long changes = projection.changes();
        response.setHeader(HttpHeaders.VARY, VARY);
        Rendered kept = pages.getIfPresent(key);
        if (kept != null && kept.changes() == changes) {
            serve(kept, request, response);
            return;
        }
        if (kept == null) {
            render(request, response, chain, key, language, changes);
            return;
        }
        // A kept page went stale: one request renders it again, those arriving meanwhile wait for its copy.
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        String state = key + " " + changes;
        CompletableFuture<Rendered> running = refreshing.putIfAbsent(state, mine);
        if (running != null) {
            Rendered shared = awaitQuietly(running);
            if (shared != null) {
                serve(shared, request, response);
            } else {
                render(request, response, chain, key, language, changes);
            }
            return;
        }
        try {
            mine.complete(render(request, response, chain, key, language, changes));
        } finally {
            refreshing.remove(state, mine);
            mine.complete(null);
        }
    }

    /** Renders the page through the rest of the chain and keeps it if it may be kept; null if not. */
    private Rendered render(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String key,
                            Locale language, long changes) throws ServletException, IOException {
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        Rendered page = null;
        if (rendering.getStatus() == 200 && rendering.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()
                && request.getAttribute(READS_THE_CLOCK) == null) {
            String etag = "W/\"" + run + "." + changes + "." + language.toLanguageTag() + "\"";
            rendering.setHeader(HttpHeaders.ETAG, etag);
            page = new Rendered(changes, etag, rendering.getContentType(), rendering.getLocale(), headers(rendering),
                    rendering.getContentAsByteArray());
            pages.put(key, page);
        }
        rendering.copyBodyToResponse();
        return page;
    }

    /** The other request's copy, or null if it kept none or takes too long (then this one renders its own). */
    private static Rendered awaitQuietly(CompletableFuture<Rendered> running) {
        try {
            return running.get(SHARED_RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static void serve(Rendered page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        page.headers().forEach((name, values) -> {
            response.setHeader(name, values.get(0));
            values.subList(1, values.size()).forEach(v -> response.addHeader(name, v));
        });
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(page.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setLocale(page.locale());
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Every header the answer carries so far (Content-Type, Content-Language and Content-Length are kept apart). */
    private static Map<String, List<String>> headers(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        return headers;
    }
}
