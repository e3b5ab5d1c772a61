package org.civicledger.command.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.civicledger.events.roster.SeatRole;
import org.junit.jupiter.api.Test;

class SeatTest {

    private static Seat seat(String from, String to) {
        return new Seat("p", SeatRole.MEMBER, LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    @Test
    void seatsSharingOnlyTheirLastAndFirstDayOverlap() {
        assertThat(seat("2015-01-01", "2015-12-31").overlaps(seat("2015-12-31", null))).isTrue();
        assertThat(seat("2015-01-01", "2015-12-30").overlaps(seat("2015-12-31", null))).isFalse();
    }

    @Test
    void mostHeldAtOnceCountsOnlySeatsActiveTogether() {
        List<Seat> sequential = List.of(seat("2015-01-01", "2015-06-30"), seat("2015-07-01", "2015-12-31"));
        assertThat(Seat.mostHeldAtOnce(sequential, seat("2015-01-01", "2015-12-31"))).isEqualTo(1);

        List<Seat> together = List.of(seat("2015-01-01", null), seat("2015-07-01", "2015-12-31"));
        assertThat(Seat.mostHeldAtOnce(together, seat("2015-03-01", "2015-08-01"))).isEqualTo(2);
        assertThat(Seat.mostHeldAtOnce(together, seat("2016-01-01", null))).isEqualTo(1);
    }
}
