package org.civicledger.query.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicledger.events.EventTypes;
import org.civicledger.events.file.FileReferred;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;

/**
 * Which events of event_log concern a file, a meeting, a body, a person or one aggregate, said once both as SQL (for
 * history, replay and feeds) and as a test on one event (for the live stream), so the two can never disagree. Several
 * criteria combine with AND. Aggregate ids follow the command side: {@code body:<id>}, {@code person:<id>}, the
 * file's and the meeting's own ids.
 */
public record Selection(String file, String meeting, String body, String person, String aggregate) {

    public static final Selection ALL = new Selection(null, null, null, null, null);

    /** The meeting events that name a file: a file's history includes them. */
    static final Set<String> MEETING_EVENTS_ABOUT_A_FILE = Set.of(EventTypes.nameOf(MotionMade.class),
            EventTypes.nameOf(VoteRecorded.class), EventTypes.nameOf(VoteCorrected.class));
    private static final String REFERRED = EventTypes.nameOf(FileReferred.class);

    public static Selection aboutFile(String fileId) {
        return new Selection(fileId, null, null, null, null);
    }

    public static Selection ofBody(String bodyId) {
        return new Selection(null, null, bodyId, null, null);
    }

    public static Selection ofPerson(String personId) {
        return new Selection(null, null, null, personId, null);
    }

    /**
     * What one event is, for {@link #matches}: {@code fileId} from its data, {@code meetingBody} the body of its
     * meeting (a meeting event), {@code referredTo} the body a FileReferred names.
     */
    public record Facts(String type, String aggregateType, String aggregateId, String fileId, String meetingBody,
                        String referredTo) {
    }

    /**
     * A file: its own events and the meeting events about it. A meeting: the meeting's events. A body: the body's
     * own events (seats, rules), the events of its meetings, and files referred to it.
     */
    public boolean matches(Facts e) {
        if (person != null) {
            throw new UnsupportedOperationException("a person's events are selected in SQL only");
        }
        return (file == null || file.equals(e.aggregateId())
                        || ("Meeting".equals(e.aggregateType()) && MEETING_EVENTS_ABOUT_A_FILE.contains(e.type())
                                && file.equals(e.fileId())))
                && (meeting == null || ("Meeting".equals(e.aggregateType()) && meeting.equals(e.aggregateId())))
                && (body == null || ("body:" + body).equals(e.aggregateId()) || body.equals(e.meetingBody())
                        || (REFERRED.equals(e.type()) && body.equals(e.referredTo())))
                && (aggregate == null || aggregate.equals(e.aggregateId()));
    }

    /** A condition on event_log (no alias), "TRUE" for everything; its parameters are {@link #arguments()}. */
    public String where() {
        List<String> parts = new ArrayList<>();
        if (file != null) {
            parts.add("(aggregate_id = ? OR (aggregate_type = 'Meeting' AND type IN (" + MEETING_EVENTS_ABOUT_A_FILE
                    .stream().sorted().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
                    + ") AND data ->> 'fileId' = ?))");
        }
        if (meeting != null) {
            parts.add("(aggregate_type = 'Meeting' AND aggregate_id = ?)");
        }
        if (body != null) {
            parts.add("(aggregate_id = ? OR (aggregate_type = 'Meeting' AND aggregate_id IN "
                    + "(SELECT meeting_id FROM meeting WHERE body_id = ?)) OR (type = '" + REFERRED
                    + "' AND data ->> 'bodyId' = ?))");
        }
        if (person != null) {
            // What the person did or was named in: registered, sponsored, cosponsored, moved, seconded, proposed,
            // was seated, attended, voted.
            parts.add("(aggregate_id = ? OR data ->> 'sponsor' = ? OR data ->> 'person' = ? OR data ->> 'personId' = ?"
                    + " OR data ->> 'mover' = ? OR data ->> 'seconder' = ? OR data ->> 'proposedBy' = ?"
                    + " OR data -> 'present' @> jsonb_build_array(?::text)"
                    + " OR data -> 'votes' @> jsonb_build_array(jsonb_build_object('person', ?::text)))");
        }
        if (aggregate != null) {
            parts.add("aggregate_id = ?");
        }
        return parts.isEmpty() ? "TRUE" : String.join(" AND ", parts);
    }

    public List<Object> arguments() {
        List<Object> args = new ArrayList<>();
        if (file != null) {
            args.add(file);
            args.add(file);
        }
        if (meeting != null) {
            args.add(meeting);
        }
        if (body != null) {
            args.add("body:" + body);
            args.add(body);
            args.add(body);
        }
        if (person != null) {
            args.add("person:" + person);
            for (int i = 0; i < 8; i++) {
                args.add(person);
            }
        }
        if (aggregate != null) {
            args.add(aggregate);
        }
        return args;
    }

    public boolean isAll() {
        return Objects.equals(this, ALL);
    }
}
