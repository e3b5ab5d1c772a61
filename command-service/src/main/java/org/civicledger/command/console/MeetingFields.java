package org.civicledger.command.console;

import org.civicledger.command.ledger.RuleViolation;

/**
 * The checks the meetings API makes with bean validation before a command exists ({@code @NotBlank}, {@code @Size}),
 * made here for the console's forms with the API's own rule ({@code invalid-request}) and wording, naming the field.
 */
final class MeetingFields {

    private MeetingFields() {
    }

    static String required(String value, String field) {
        String given = ConsoleForms.text(value);
        if (given == null) {
            throw invalid(field, "must not be blank");
        }
        return given;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field, "must not be null");
        }
        return value;
    }

    /** {@code value} (may be null) when it is at most {@code max} characters long. */
    static String atMost(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw invalid(field, "size must be between 0 and " + max);
        }
        return value;
    }

    private static RuleViolation invalid(String field, String message) {
        return RuleViolation.badField("invalid-request", field,
                "The request has invalid or missing fields: [" + field + " " + message + "]");
    }
}
