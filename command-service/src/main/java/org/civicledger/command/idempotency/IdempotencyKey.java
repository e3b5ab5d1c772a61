package org.civicledger.command.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Idempotency-Key} header's rule: exactly one value of 1 to 255 visible ASCII characters (0x21-0x7E).
 * Anything else (spaces, control characters, bytes Tomcat decoded from non-ASCII, a repeated header) is refused
 * rather than normalised, so two requests can never disagree about which key they carry.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
    /** The console's forms carry the key as this hidden field instead of the header. */
    static final String FORM_FIELD = "idempotencyKey";
    static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The one valid key among the header's values, or null when there is none (absent is not asked for here). */
    static String valid(List<String> values) {
        if (values.size() != 1) {
            return null;
        }
        String key = values.get(0);
        if (key.isEmpty() || key.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return null;
            }
        }
        return key;
    }

    /** A console form post: POST under /console with an urlencoded body (where the key travels as a field). */
    static boolean isConsoleForm(HttpServletRequest request, String path) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && path.startsWith("/console/") && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * The form's key: null when the form has no such field; empty when it is there but not a valid key (given twice,
     * blank, too long, not visible ASCII), which is refused like a bad header.
     */
    static String fromForm(HttpServletRequest request) {
        String[] values = request.getParameterValues(FORM_FIELD);
        if (values == null) {
            return null;
        }
        String key = valid(List.of(values));
        return key == null ? "" : key;
    }
}
