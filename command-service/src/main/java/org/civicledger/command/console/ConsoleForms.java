package org.civicledger.command.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicledger.command.ledger.RuleViolation;

/**
 * How console form fields become command values: blanks are absent, times are the city's wall-clock time. The checks
 * the API's request records make with Bean Validation (required, a length, a slug, a choice, a whole number, a date)
 * are made here on the form's fields, refused with the API's rule and wording ({@code invalid-request}, "The request
 * has invalid or missing fields: [field message]") naming the form's field, so the screen shows them beside it.
 */
public final class ConsoleForms {

    /** The rule the API answers a missing or malformed field with. */
    public static final String INVALID = "invalid-request";
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private ConsoleForms() {
    }

    /** Stripped text, or null when the field is blank or absent. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The non-blank values of a repeated field, stripped, in order. */
    public static List<String> values(String[] values) {
        return values == null ? List.of() : Arrays.stream(values).map(ConsoleForms::text)
                .filter(v -> v != null).toList();
    }

    /**
     * A {@code datetime-local} field ({@code 2017-02-07T18:30}, seconds optional) read in the city's time zone; null
     * when blank (the action happened now). Anything else is refused naming the field.
     */
    public static Instant at(String value, ZoneId city, String field) {
        String given = text(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(given).atZone(city).toInstant();
        } catch (DateTimeException e) {
            throw RuleViolation.badField("invalid-time", field, "'" + given + "' is not a date and time"
                    + " (use YYYY-MM-DDTHH:MM, the city's local time).");
        }
    }

    /** The stripped value; refused when blank. */
    public static String required(String value, String field) {
        String given = text(value);
        if (given == null) {
            throw invalid(field, "must not be blank");
        }
        return given;
    }

    /** The stripped value; refused when blank or longer than {@code max} characters. */
    public static String required(String value, String field, int max) {
        return withinLength(required(value, field), field, max);
    }

    /** {@code value} (may be null) when it is at most {@code max} characters long. */
    public static String withinLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw invalid(field, "size must be between 0 and " + max);
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field, "must not be null");
        }
        return value;
    }

    /** A required id such as {@code shiva-bidar}: lower-case letters and digits in words joined by hyphens. */
    public static String slug(String value, String field) {
        String given = required(value, field, 100);
        if (!SLUG.matcher(given).matches()) {
            throw invalid(field, "must be lower-case letters and digits, words joined by single hyphens"
                    + " (e.g. shiva-bidar)");
        }
        return given;
    }

    /** One of an enum's constants by name; blank is {@code otherwise} (null: required). */
    public static <E extends Enum<E>> E choice(String value, Class<E> type, E otherwise, String field) {
        String given = text(value);
        if (given == null && otherwise != null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, given == null ? "" : given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(field, given == null ? "must not be blank" : "has no choice '" + given + "'");
        }
    }

    /** A required whole number from {@code min} to {@code max}. */
    public static int number(String value, int min, int max, String field) {
        String given = required(value, field, 12);
        try {
            int n = Integer.parseInt(given);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw invalid(field, "must be a whole number from " + min + " to " + max);
    }

    /** A {@code date} field (YYYY-MM-DD); blank is null unless required. */
    public static LocalDate date(String value, boolean required, String field) {
        String given = required ? required(value, field, 10) : text(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeException e) {
            throw invalid(field, "'" + given + "' is not a date (use YYYY-MM-DD)");
        }
    }

    private static RuleViolation invalid(String field, String message) {
        return RuleViolation.badField(INVALID, field, "The request has invalid or missing fields: [" + field + " "
                + message + "]");
    }
}
