package org.civicledger.query.minutes;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.roster.VoteThreshold;

/**
 * The facts a meeting's minutes are written from, as the read models hold them. People are named by id throughout;
 * {@code people} gives each id its name. Lists are in the order the minutes state them.
 *
 * @param city        the city's name for the heading, or null
 * @param startsAt    in the meeting's own time zone
 * @param rollCall    null until the roll has been called
 * @param attendance  arrivals and departures after the roll call, in the order they happened
 */
record Minutes(String city, String bodyName, String meetingId, Status status, ZonedDateTime startsAt,
               String location, String cancelReason, Instant calledToOrderAt, RollCall rollCall,
               List<AttendanceChange> attendance, List<Item> items, Instant adjournedAt, Map<String, Person> people) {

    enum Status { SCHEDULED, IN_PROGRESS, ADJOURNED, CANCELLED }

    /** {@code alder}: seated on a council-kind body on the meeting's date, so named "Ald. Last" in motions. */
    record Person(String id, String name, boolean alder) {
    }

    record RollCall(List<String> present, List<String> absent, List<String> excused) {
    }

    record AttendanceChange(String person, boolean arrived, Instant at) {
    }

    /** {@code onAgenda} false: an item motions were made on that the agenda the minutes follow does not list. */
    record Item(int number, String fileNumber, String title, boolean onAgenda, List<Motion> motions) {
    }

    /** {@code referTo} is the body's name for a REFER motion; {@code votes} oldest first, empty while pending. */
    record Motion(MotionKind kind, String mover, String seconder, String referTo, List<Vote> votes) {
    }

    /**
     * A vote as recorded at the meeting. A voice vote has no ballots and no {@code needed}; {@code ballots} are in roll
     * order. {@code corrections} are the clerks' later corrections of it, oldest first, each with its whole roll.
     */
    record Vote(Method method, Result result, VoteThreshold threshold, Integer needed, int present, int seats,
                List<Ballot> ballots, List<Correction> corrections) {

        Vote(Method method, Result result, VoteThreshold threshold, Integer needed, int present, int seats,
             List<Ballot> ballots) {
            this(method, result, threshold, needed, present, seats, ballots, List.of());
        }
    }

    /** {@code vote}: the vote as this correction recounted it (its own corrections empty). */
    record Correction(Instant correctedAt, String recordedBy, String reason, Vote vote) {
    }

    record Ballot(String person, VoteChoice choice) {
    }
}
