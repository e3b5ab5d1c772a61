package org.civicledger.query.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.civicledger.query.stream.ProjectionPosition;
import org.civicledger.query.web.BadParameter;
import org.civicledger.query.web.NotFound;
import org.civicledger.query.web.Refused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page needs: its language, the links that switch it, and the cut it shows (a page read with
 * {@code asOf}, {@code occurredBy} or {@code atPosition} says so at the top). A record that does not exist is a
 * 404 page, not a problem document.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private final ProjectionPosition projection;

    PageAdvice(ProjectionPosition projection) {
        this.projection = projection;
    }

    @ModelAttribute("page")
    Map<String, Object> page(HttpServletRequest request, Locale locale) {
        Map<String, Object> page = new LinkedHashMap<>();
        String lang = "es".equals(locale.getLanguage()) ? "es" : "en";
        page.put("lang", lang);
        page.put("path", request.getRequestURI());
        page.put("english", switchTo(request, "en"));
        page.put("spanish", switchTo(request, "es"));
        page.put("asOf", request.getParameter("asOf"));
        page.put("occurredBy", request.getParameter("occurredBy"));
        page.put("atPosition", request.getParameter("atPosition"));
        // Read before the page's queries: a live page's stream starts here, so nothing recorded since is missed.
        page.put("position", projection.current());
        page.put("past", request.getParameter("asOf") != null || request.getParameter("occurredBy") != null
                || request.getParameter("atPosition") != null);
        return page;
    }

    /** The same page and cut in the other language. */
    private static String switchTo(HttpServletRequest request, String lang) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!"lang".equals(name)) {
                for (String v : values) {
                    b.queryParam(name, v);
                }
            }
        });
        return b.queryParam("lang", lang).build().encode().toUriString();
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        response.setStatus(404);
        model.addAttribute("page", page(request, locale));
        model.addAttribute("status", 404);
        model.addAttribute("detail", e.getMessage());
        return "error";
    }

    @ExceptionHandler({BadParameter.class, Refused.class})
    String refused(RuntimeException e, Model model, HttpServletRequest request, HttpServletResponse response,
                   Locale locale) {
        response.setStatus(e instanceof Refused r ? r.status().value() : 400);
        model.addAttribute("page", page(request, locale));
        model.addAttribute("status", response.getStatus());
        model.addAttribute("detail", e.getMessage());
        return "error";
    }
}
