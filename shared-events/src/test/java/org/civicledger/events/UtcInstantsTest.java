package org.civicledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantsTest {

    record Timed(Instant at) {
    }

    private static Instant read(String text) throws Exception {
        return EventJson.mapper().readValue("{\"at\":\"" + text + "\"}", Timed.class).at();
    }

    @Test
    void readsEveryInstantAsInstantParseDoes() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1_000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(UtcInstants.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
            assertThat(read(instant.toString())).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T12:00:00.5Z", "2026-12-04T19:01:56.1234Z", "2026-12-04T00:00:00.000000001Z"})
    void readsShortAndOddFractions(String text) throws Exception {
        assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text));
        assertThat(read(text)).isEqualTo(Instant.parse(text));
    }

    /** Other forms are the standard deserializer's to read: an offset, a leap second, 24:00, a year past 9999. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-04T19:01:56+01:00", "2016-12-31T23:59:60Z", "2026-12-04T24:00:00Z",
            "+10000-01-01T00:00:00Z",
            "2026-12-04T19:01:56.Z", "2026-12-04 19:01:56Z"})
    void leavesOtherFormsToTheStandardReader(String text) throws Exception {
        assertThat(UtcInstants.parse(text)).isNull();
        Instant standard;
        try {
            standard = Instant.parse(text);
        } catch (RuntimeException e) {
            standard = null;
        }
        if (standard != null) {
            assertThat(read(text)).isEqualTo(standard);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "not a time",
            "2026-12-04T19:01:56.1234567890Z"})
    void refusesWhatIsNoInstantAsBefore(String text) {
        assertThat(UtcInstants.parse(text)).isNull();
        assertThatThrownBy(() -> read(text)).isInstanceOf(InvalidFormatException.class);
    }
}
