package org.civicledger.command.roster;

import java.time.LocalDate;
import java.util.Collection;
import org.civicledger.events.roster.SeatRole;

/** A seat held from {@code from} through {@code to} inclusive; {@code to} null means open-ended. */
record Seat(String personId, SeatRole role, LocalDate from, LocalDate to) {

    boolean activeOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    boolean overlaps(Seat other) {
        return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
    }

    /**
     * The most seats held at once during {@code period}. Occupancy only rises when a seat begins, so checking
     * the period's first day and every start date inside it is enough.
     */
    static long mostHeldAtOnce(Collection<Seat> seats, Seat period) {
        return seats.stream()
                .map(Seat::from)
                .filter(start -> period.activeOn(start))
                .distinct()
                .mapToLong(day -> seats.stream().filter(s -> s.activeOn(day)).count())
                .reduce(seats.stream().filter(s -> s.activeOn(period.from)).count(), Math::max);
    }
}
