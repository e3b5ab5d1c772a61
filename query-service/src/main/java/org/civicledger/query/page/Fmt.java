package org.civicledger.query.page;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times as people in the city read them, in the page's language and the city's time zone:
 * {@code ${@fmt.when(item.occurredAt)}}. Values come as the API's ISO-8601 text.
 */
@Component("fmt")
public class Fmt {

    private final ZoneId zone;

    Fmt(@Value("${civic.pages.time-zone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** "Jan 24, 2017, 9:00 AM" / "24 ene 2017, 9:00". */
    public String when(Object iso) {
        Instant instant = instant(iso);
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale()).withZone(zone).format(instant);
    }

    /** "January 24, 2017" / "24 de enero de 2017". */
    public String date(Object iso) {
        Instant instant = instant(iso);
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale())
                .withZone(zone).format(instant);
    }

    /** The value for a machine: an HTML {@code <time datetime>}. */
    public String iso(Object iso) {
        Instant instant = instant(iso);
        return instant == null ? "" : instant.toString();
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        String text = value.toString();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
