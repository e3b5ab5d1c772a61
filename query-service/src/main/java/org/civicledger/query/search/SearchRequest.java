package org.civicledger.query.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.civicledger.events.file.FileType;
import org.civicledger.query.web.BadParameter;

/**
 * A search, checked: every filter is one the record knows, every length is capped, so nothing a client types can
 * reach PostgreSQL as anything but a bound parameter of websearch_to_tsquery (which has no syntax errors).
 *
 * @param q            the words, or blank for every file that passes the filters
 * @param exactNumber  the file number q spells, if it spells one
 * @param from         introduced at or after (a date is its first instant, UTC)
 * @param to           introduced before (a date counts whole: up to the next day, UTC)
 */
public record SearchRequest(String q, Optional<String> exactNumber, String status, String type, String sponsor,
                            Instant from, Instant to, int limit, int offset) {

    public static final int MAX_QUERY = 500;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;
    private static final Set<String> STATUSES = Set.of("INTRODUCED", "REFERRED", "ADOPTED", "FAILED",
            "PLACED_ON_FILE", "WITHDRAWN", "RECONSIDERED");

    public boolean hasText() {
        return !q.isEmpty();
    }

    public static SearchRequest parse(String q, String status, String type, String sponsor, String from, String to,
                                      String limit, String offset) {
        String words = q == null ? "" : q.strip();
        if (words.length() > MAX_QUERY) {
            throw new BadParameter("q", words.substring(0, 40) + "…", "at most " + MAX_QUERY + " characters");
        }
        Instant since = instant("from", from, false);
        Instant until = instant("to", to, true);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadParameter("from", from, "a date before 'to'");
        }
        return new SearchRequest(words, FileNumberQuery.of(words), status(status), type(type), sponsor(sponsor),
                since, until, number("limit", limit, 20, 1, MAX_LIMIT), number("offset", offset, 0, 0, MAX_OFFSET));
    }

    /** Another page of the same search. */
    public SearchRequest page(int pageLimit, int pageOffset) {
        return new SearchRequest(q, exactNumber, status, type, sponsor, from, to, pageLimit, pageOffset);
    }

    private static String status(String value) {
        if (blank(value)) {
            return null;
        }
        String status = value.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new BadParameter("status", shown(value), "one of " + String.join(", ", STATUSES.stream().sorted()
                    .toList()));
        }
        return status;
    }

    /** The type's name (RESOLUTION) or its file-number prefix (RES). */
    private static String type(String value) {
        if (blank(value)) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(FileType.values()).filter(t -> t.name().equals(wanted) || t.prefix().equals(wanted))
                .findFirst().map(Enum::name)
                .orElseThrow(() -> new BadParameter("type", shown(value), "one of " + Arrays.toString(
                        FileType.values())));
    }

    private static String sponsor(String value) {
        if (blank(value)) {
            return null;
        }
        if (value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
            throw new BadParameter("sponsor", shown(value), "a person id of at most 100 characters");
        }
        return value.strip();
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, shown(value), "a date (2017-02-07) or a date and time with an offset");
        }
    }

    private static int number(String name, String value, int fallback, int min, int max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(name, shown(value), "a whole number from " + min + " to " + max);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shown(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
