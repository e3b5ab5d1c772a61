package org.civicledger.query.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The pages' "as of" form sends a local date and time ({@code when}, as a browser's datetime-local gives it) and which
 * clock ({@code clock=recorded|council}); this turns it into the API's cut ({@code asOf} or {@code occurredBy}, an
 * instant in the city's zone) with a redirect, so the page URL is the same shareable cut the API uses.
 */
final class AsOfControl implements HandlerInterceptor {

    private final Fmt fmt;

    AsOfControl(Fmt fmt) {
        this.fmt = fmt;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String when = request.getParameter("when");
        if (when == null || !"GET".equals(request.getMethod())) {
            return true;
        }
        UriComponentsBuilder target = UriComponentsBuilder.fromPath(request.getRequestURI());
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "es".equals(lang)) {
            target.queryParam("lang", lang);
        }
        if (!when.isBlank()) {
            try {
                String instant = LocalDateTime.parse(when.strip()).atZone(fmt.zone()).toInstant().toString();
                target.queryParam("council".equals(request.getParameter("clock")) ? "occurredBy" : "asOf", instant);
            } catch (DateTimeParseException e) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "'when' is a date and time, e.g. 2017-01-30T12:00");
                return false;
            }
        }
        response.sendRedirect(target.build().encode().toUriString());
        return false;
    }
}
