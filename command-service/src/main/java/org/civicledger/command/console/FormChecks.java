package org.civicledger.command.console;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicledger.command.ledger.RuleViolation;

/**
 * The checks the API's request records make with Bean Validation (a slug, a required field, a length, a choice, a
 * whole number, a date), made on console form fields: the refusal is the API's rule, {@code invalid-request}, naming
 * the form's field, so the screen shows it beside the control instead of an error page.
 */
final class FormChecks {

    static final String RULE = "invalid-request";
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private FormChecks() {
    }

    /** The stripped value; refused when blank or longer than {@code max} characters. */
    static String required(String value, String field, int max) {
        String given = ConsoleForms.text(value);
        if (given == null) {
            throw RuleViolation.badField(RULE, field, "Field '" + field + "' is required.");
        }
        return withinLength(given, field, max);
    }

    static String withinLength(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw RuleViolation.badField(RULE, field, "Field '" + field + "' is longer than " + max + " characters.");
        }
        return value;
    }

    /** A required id such as {@code shiva-bidar}: lower-case letters and digits in words joined by hyphens. */
    static String slug(String value, String field) {
        String given = required(value, field, 100);
        if (!SLUG.matcher(given).matches()) {
            throw RuleViolation.badField(RULE, field, "Field '" + field + "' must be lower-case letters and digits,"
                    + " words joined by single hyphens (e.g. shiva-bidar).");
        }
        return given;
    }

    /** One of an enum's constants by name; blank is {@code otherwise} (null: required). */
    static <E extends Enum<E>> E choice(String value, Class<E> type, E otherwise, String field) {
        String given = ConsoleForms.text(value);
        if (given == null && otherwise != null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, given == null ? "" : given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badField(RULE, field, given == null ? "Field '" + field + "' is required."
                    : "Field '" + field + "' has no choice '" + given + "'.");
        }
    }

    /** A required whole number from {@code min} to {@code max}. */
    static int number(String value, int min, int max, String field) {
        String given = required(value, field, 12);
        try {
            int n = Integer.parseInt(given);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the range
        }
        throw RuleViolation.badField(RULE, field, "Field '" + field + "' must be a whole number from " + min
                + " to " + max + ".");
    }

    /** A {@code date} field (YYYY-MM-DD); blank is null unless required. */
    static LocalDate date(String value, boolean required, String field) {
        String given = required ? required(value, field, 10) : ConsoleForms.text(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeException e) {
            throw RuleViolation.badField(RULE, field, "'" + given + "' is not a date (use YYYY-MM-DD).");
        }
    }
}
