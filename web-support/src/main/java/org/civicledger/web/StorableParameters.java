package org.civicledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.civicledger.events.StorableText;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters (names and values) obey the text rule of the record before anything uses them: a NUL in a
 * search or filter would otherwise reach PostgreSQL, which refuses it, as a 500. Answers 400 {@code invalid-text}.
 * The clerk console's form posts are left to the command's own guard (command-service's TextGuard), so the clerk
 * sees that refusal beside the field, with what they typed kept, instead of a bare problem document.
 */
class StorableParameters extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && request.getServletPath().startsWith("/console/")
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String problem = StorableText.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem != null ? problem : StorableText.problem(value);
            }
            if (problem != null) {
                refuse(response, parameter.getKey(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String name, String problem) throws IOException {
        String field = json(name);
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"urn:civic-ledger:problem:invalid-text\",\"title\":"
                + "\"invalid-text\",\"status\":400,\"detail\":\"Parameter '" + field + "' contains text that cannot "
                + "be recorded: " + problem + ".\",\"rule\":\"invalid-text\",\"field\":\"" + field + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The parameter's name inside a JSON string, with anything unsafe there replaced. */
    private static String json(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> safe.append(c < 0x20 || c == '"' || c == '\\'
                || !StorableText.isStorable(Character.toString(c)) ? "\uFFFD" : Character.toString(c)));
        return safe.toString();
    }
}
