package org.civicledger.command.idempotency;

import java.util.List;

/**
 * The {@code Idempotency-Key} header's rule: exactly one value of 1 to 255 visible ASCII characters (0x21-0x7E).
 * Anything else (spaces, control characters, bytes Tomcat decoded from non-ASCII, a repeated header) is refused
 * rather than normalised, so two requests can never disagree about which key they carry.
 */
final class IdempotencyKey {

    static final String HEADER = "Idempotency-Key";
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
}
