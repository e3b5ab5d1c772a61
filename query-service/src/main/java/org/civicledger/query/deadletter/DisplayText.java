package org.civicledger.query.deadletter;

import org.civicledger.events.StorableText;

/**
 * A display copy of untrusted text for the dead-letter table: what made an event fail (a NUL, say) must not make
 * recording the failure fail too. Characters the database cannot store become U+FFFD; length is bounded.
 */
public final class DisplayText {

    private static final int MAX = 1000;

    private DisplayText() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder copy = new StringBuilder(Math.min(text.length(), MAX));
        text.codePoints().limit(MAX).forEach(c -> {
            String one = Character.toString(c);
            copy.append(StorableText.isStorable(one) ? one : "\uFFFD");
        });
        return copy.toString();
    }
}
