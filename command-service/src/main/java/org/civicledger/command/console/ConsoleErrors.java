package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.civicledger.command.ledger.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The console answers with pages, not problem documents: a record that does not exist (404), the public record out
 * of reach (503, nothing lost: the action, if any, was recorded before the page was read), a fault of ours (500).
 * Ordered before the API's problem handler, for the console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(PublicRecord.Missing.class)
    String missing(PublicRecord.Missing e, Principal clerk, Model model, HttpServletResponse response) {
        return page(HttpServletResponse.SC_NOT_FOUND, "not-found", clerk, model, response);
    }

    /** A rule refused the address itself (an id that cannot name a record): 404 or 400, as the API would say. */
    @ExceptionHandler(RuleViolation.class)
    String refused(RuleViolation e, Principal clerk, Model model, HttpServletResponse response) {
        return e.kind() == RuleViolation.Kind.NOT_FOUND
                ? page(HttpServletResponse.SC_NOT_FOUND, "not-found", clerk, model, response)
                : page(HttpServletResponse.SC_BAD_REQUEST, "malformed-request", clerk, model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(MethodArgumentTypeMismatchException e, Principal clerk, Model model,
                     HttpServletResponse response) {
        return page(HttpServletResponse.SC_BAD_REQUEST, "malformed-request", clerk, model, response);
    }

    @ExceptionHandler(PublicRecord.Unavailable.class)
    String unavailable(PublicRecord.Unavailable e, Principal clerk, Model model, HttpServletResponse response) {
        log.warn("console: {}", e.getMessage());
        response.setHeader("Retry-After", "2");
        return page(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "public-record-unavailable", clerk, model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Principal clerk, Model model, HttpServletResponse response) {
        log.error("console: unexpected failure", e);
        return page(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal-error", clerk, model, response);
    }

    private static String page(int status, String rule, Principal clerk, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("clerk", clerk == null ? "" : clerk.getName());
        model.addAttribute("sections", ConsoleController.SECTIONS);
        model.addAttribute("status", status);
        model.addAttribute("rule", rule);
        return "console/error";
    }
}
