package org.civicledger.command.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.civicledger.command.ledger.RuleViolation;

/** How console form fields become command values: blanks are absent, times are the city's wall-clock time. */
public final class ConsoleForms {

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
}
