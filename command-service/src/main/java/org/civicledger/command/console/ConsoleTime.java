package org.civicledger.command.console;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times as a clerk reads them ({@code ${@consoleTime.time(...)}}): the city's wall clock, in the page's language. */
@Component("consoleTime")
public class ConsoleTime {

    private final ZoneId city;

    ConsoleTime(@Value("${civic.time-zone}") String city) {
        this.city = ZoneId.of(city);
    }

    /** An instant or offset date-time from the record as a date and time, e.g. "Feb 7, 2017, 6:32 PM". */
    public String dateTime(String iso) {
        return format(iso, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
    }

    /** Only the time of day, e.g. "6:32 PM" (for the moments of a meeting). */
    public String time(String iso) {
        return format(iso, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
    }

    private String format(String iso, DateTimeFormatter style) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            Instant instant = iso.endsWith("Z") ? Instant.parse(iso) : OffsetDateTime.parse(iso).toInstant();
            return style.withLocale(LocaleContextHolder.getLocale()).withZone(city).format(instant);
        } catch (DateTimeException e) {
            return iso;   // shown as recorded rather than not at all
        }
    }
}
