package org.civicledger.query.search;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query that is a file number, however typed: {@code RES-17-00001}, {@code res 17 1}, {@code RES1700001} is not
 * (no separators between year and number would be ambiguous). Answers the number as the record writes it
 * ({@code PREFIX-YY-NNNNN}), which then ranks that file first.
 */
final class FileNumberQuery {

    private static final Pattern TYPED = Pattern.compile("\\s*([A-Za-z]{3})[\\s_-]*(\\d{1,2})[\\s_/-]+(\\d{1,9})\\s*");

    private FileNumberQuery() {
    }

    static Optional<String> of(String q) {
        Matcher m = TYPED.matcher(q);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(2));
        long number = Long.parseLong(m.group(3));
        return Optional.of("%s-%02d-%05d".formatted(m.group(1).toUpperCase(Locale.ROOT), year, number));
    }
}
