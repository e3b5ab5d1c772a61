package org.civicledger.command.meeting;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonMerge;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.ledger.SnapshotState;
import org.civicledger.command.meeting.MeetingCommands.RecordArrival;
import org.civicledger.command.meeting.MeetingCommands.RecordDeparture;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.events.meeting.MemberArrived;
import org.civicledger.events.meeting.MemberDeparted;
import org.civicledger.events.meeting.RollCallTaken;

/**
 * Who is in the room: the roll call's rules, then arrivals and departures. An entity of the {@link Meeting}, which
 * lets a {@link MeetingCommands.MemberMovement} through only once the meeting is under way and the roll called.
 */
@SnapshotState
final class Attendance {

    enum Status { PRESENT, ABSENT, EXCUSED, DEPARTED }

    @JsonMerge
    private final Map<String, Status> members = new HashMap<>();
    private boolean rollCallTaken;

    boolean rollCallTaken() {
        return rollCallTaken;
    }

    /** The roll is called once, and names every member seated on the body that day, each once, and nobody else. */
    void requireRollCall(Set<String> seated, TakeRollCall command) {
        if (rollCallTaken) {
            throw RuleViolation.conflict("roll-call-already-taken",
                    "The roll was already called; record later arrivals and departures instead.");
        }
        List<String> listed = Stream.of(command.present(), command.absent(), command.excused())
                .flatMap(List::stream).toList();
        Set<String> seen = new HashSet<>();
        for (String person : listed) {
            if (!seen.add(person)) {
                throw RuleViolation.unprocessable("person-listed-twice",
                        "'" + person + "' appears more than once in the roll call.");
            }
            if (!seated.contains(person)) {
                throw RuleViolation.unprocessable("not-seated",
                        "'" + person + "' holds no seat on this body on the meeting's date.");
            }
        }
        Set<String> missing = new HashSet<>(seated);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw RuleViolation.unprocessable("roll-call-incomplete",
                    "Every seated member must be marked present, absent or excused; missing: "
                            + missing.stream().sorted().toList() + ".");
        }
    }

    @CommandHandler
    void handle(RecordArrival command) {
        requireCanArrive(command.person());
        apply(new MemberArrived(command.meetingId(), command.person(), command.occurredAt()));
    }

    @CommandHandler
    void handle(RecordDeparture command) {
        requireCanDepart(command.person());
        apply(new MemberDeparted(command.meetingId(), command.person(), command.occurredAt()));
    }

    private void requireCanArrive(String person) {
        Status status = members.get(person);
        if (status == null) {
            throw RuleViolation.unprocessable("not-seated",
                    "'" + person + "' holds no seat on this body on the meeting's date.");
        }
        if (status == Status.PRESENT) {
            throw RuleViolation.conflict("already-present", "'" + person + "' is already present.");
        }
    }

    private void requireCanDepart(String person) {
        if (members.get(person) != Status.PRESENT) {
            throw RuleViolation.conflict("not-present", "'" + person + "' is not present, so cannot leave.");
        }
    }

    /** {@code rule}: {@code mover-not-present} or {@code seconder-not-present}, named where it is called. */
    void requirePresent(String person, String role, String rule) {
        if (members.get(person) != Status.PRESENT) {
            throw RuleViolation.unprocessable(rule,
                    "The " + role + ", '" + person + "', is not a member present at this meeting.");
        }
    }

    Set<String> with(Status... statuses) {
        Set<Status> wanted = Set.of(statuses);
        Set<String> people = new HashSet<>();
        members.forEach((person, status) -> {
            if (wanted.contains(status)) {
                people.add(person);
            }
        });
        return people;
    }

    @EventSourcingHandler
    void on(RollCallTaken event) {
        rollCallTaken = true;
        event.present().forEach(p -> members.put(p, Status.PRESENT));
        event.absent().forEach(p -> members.put(p, Status.ABSENT));
        event.excused().forEach(p -> members.put(p, Status.EXCUSED));
    }

    @EventSourcingHandler
    void on(MemberArrived event) {
        members.put(event.person(), Status.PRESENT);
    }

    @EventSourcingHandler
    void on(MemberDeparted event) {
        members.put(event.person(), Status.DEPARTED);
    }
}
