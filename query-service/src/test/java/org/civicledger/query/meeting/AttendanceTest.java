package org.civicledger.query.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.civicledger.query.meeting.AttendanceProjection.Entry;
import org.junit.jupiter.api.Test;

class AttendanceTest {

    private static final Instant ROLL_CALL = Instant.parse("2017-02-08T00:32:00Z");

    private static final List<Entry> TIMELINE = List.of(
            new Entry("bidar", "PRESENT", ROLL_CALL, 10),
            new Entry("palm", "ABSENT", ROLL_CALL, 10),
            new Entry("rummel", "EXCUSED", ROLL_CALL, 10),
            new Entry("palm", "ARRIVED", ROLL_CALL.plusSeconds(600), 11),
            new Entry("bidar", "DEPARTED", ROLL_CALL.plusSeconds(1200), 12));

    @Test
    void beforeRollCallNobodyIsPresent() {
        assertThat(Attendance.at(TIMELINE, ROLL_CALL.minusSeconds(1))).isEqualTo(new Attendance(List.of(), 0));
    }

    @Test
    void aLateArrivalCountsFromItsTimeAndADepartureStopsCounting() {
        assertThat(Attendance.at(TIMELINE, ROLL_CALL).present()).isEqualTo(1);
        assertThat(Attendance.at(TIMELINE, ROLL_CALL.plusSeconds(600)).present()).isEqualTo(2);

        Attendance late = Attendance.at(TIMELINE, ROLL_CALL.plusSeconds(1200));
        assertThat(late.present()).isEqualTo(1);
        assertThat(late.members()).containsExactly(new Attendance.Member("bidar", "DEPARTED"),
                new Attendance.Member("palm", "PRESENT"), new Attendance.Member("rummel", "EXCUSED"));
    }
}
