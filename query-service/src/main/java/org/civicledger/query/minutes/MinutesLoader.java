package org.civicledger.query.minutes;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded.Method;
import org.civicledger.events.meeting.VoteRecorded.Result;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.query.minutes.Minutes.AttendanceChange;
import org.civicledger.query.minutes.Minutes.Ballot;
import org.civicledger.query.minutes.Minutes.Item;
import org.civicledger.query.minutes.Minutes.Motion;
import org.civicledger.query.minutes.Minutes.Person;
import org.civicledger.query.minutes.Minutes.RollCall;
import org.civicledger.query.minutes.Minutes.Status;
import org.civicledger.query.minutes.Minutes.Vote;
import org.civicledger.query.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a meeting's minutes facts, read-only, from the tables the meeting, agenda, attendance, vote and roster
 * projections keep. Every query orders totally, so the same events always load the same facts in the same order.
 * Call it inside one read-only transaction, so the facts come from one snapshot.
 */
@Component
class MinutesLoader {

    private final JdbcTemplate jdbc;
    private final String city;

    MinutesLoader(JdbcTemplate jdbc, @Value("${civic.minutes.city:}") String city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    private record MeetingRow(String bodyId, String bodyName, ZonedDateTime startsAt, String location, Status status,
                              String cancelReason, Instant calledToOrderAt, Instant adjournedAt) {
    }

    private record AgendaRow(String itemId, String fileNumber, String title) {
    }

    private record MotionRow(String itemId, String fileNumber, String fileTitle, Motion motion) {
    }

    Minutes load(String meetingId) {
        MeetingRow meeting = jdbc.query("""
                        SELECT m.body_id, b.name AS body_name, m.starts_at, m.time_zone, m.location, m.status,
                               m.cancel_reason, m.called_to_order_at, m.adjourned_at
                        FROM meeting m LEFT JOIN body b USING (body_id) WHERE m.meeting_id = ?""",
                        (rs, n) -> new MeetingRow(rs.getString("body_id"), rs.getString("body_name"),
                                rs.getTimestamp("starts_at").toInstant().atZone(ZoneId.of(rs.getString("time_zone"))),
                                rs.getString("location"), Status.valueOf(rs.getString("status")),
                                rs.getString("cancel_reason"), instant(rs, "called_to_order_at"),
                                instant(rs, "adjourned_at")), meetingId)
                .stream().findFirst().orElseThrow(() -> NotFound.of("meeting", meetingId));
        List<AttendanceChange> changes = new ArrayList<>();
        RollCall rollCall = attendance(meetingId, changes);
        return new Minutes(city, meeting.bodyName() == null ? meeting.bodyId() : meeting.bodyName(), meetingId,
                meeting.status(), meeting.startsAt(), meeting.location(), meeting.cancelReason(),
                meeting.calledToOrderAt(), rollCall, changes, items(meetingId), meeting.adjournedAt(),
                people(meetingId, meeting.startsAt().toLocalDate()));
    }

    /** The roll call (null if not taken), and the arrivals and departures after it into {@code changes}. */
    private RollCall attendance(String meetingId, List<AttendanceChange> changes) {
        Map<String, List<String>> roll = new HashMap<>();
        jdbc.query("""
                SELECT person_id, kind, occurred_at FROM attendance_entry WHERE meeting_id = ?
                ORDER BY occurred_at, position, ordinal""", rs -> {
            String kind = rs.getString("kind");
            if (kind.equals("ARRIVED") || kind.equals("DEPARTED")) {
                changes.add(new AttendanceChange(rs.getString("person_id"), kind.equals("ARRIVED"),
                        rs.getTimestamp("occurred_at").toInstant()));
            } else {
                roll.computeIfAbsent(kind, k -> new ArrayList<>()).add(rs.getString("person_id"));
            }
        }, meetingId);
        return roll.isEmpty() ? null : new RollCall(roll.getOrDefault("PRESENT", List.of()),
                roll.getOrDefault("ABSENT", List.of()), roll.getOrDefault("EXCUSED", List.of()));
    }

    /**
     * The latest published agenda's items (the draft's if none was published), each with its motions in the order
     * made. A motion on an item that agenda does not list still appears, under that item, after the listed ones.
     */
    private List<Item> items(String meetingId) {
        Integer version = jdbc.queryForObject("SELECT max(version) FROM agenda_version WHERE meeting_id = ?",
                Integer.class, meetingId);
        Map<String, AgendaRow> draft = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT d.item_id, f.file_number, COALESCE(d.title, f.title) AS title
                        FROM agenda_draft_item d LEFT JOIN legislative_file f USING (file_id)
                        WHERE d.meeting_id = ? ORDER BY d.place, d.item_id""",
                rs -> { draft.put(rs.getString("item_id"), agendaRow(rs)); }, meetingId);
        List<AgendaRow> agenda = version == null ? List.copyOf(draft.values()) : jdbc.query("""
                        SELECT i.item_id, f.file_number, COALESCE(i.title, f.title) AS title
                        FROM agenda_version_item i LEFT JOIN legislative_file f USING (file_id)
                        WHERE i.meeting_id = ? AND i.version = ? ORDER BY i.number""",
                (rs, n) -> agendaRow(rs), meetingId, version);

        Map<String, List<Motion>> motionsByItem = new LinkedHashMap<>();
        Map<String, AgendaRow> offAgenda = new LinkedHashMap<>();
        for (MotionRow row : motions(meetingId)) {
            motionsByItem.computeIfAbsent(row.itemId(), id -> new ArrayList<>()).add(row.motion());
            offAgenda.putIfAbsent(row.itemId(), draft.getOrDefault(row.itemId(),
                    new AgendaRow(row.itemId(), row.fileNumber(), row.fileTitle())));
        }
        List<Item> items = new ArrayList<>();
        for (AgendaRow row : agenda) {
            offAgenda.remove(row.itemId());
            items.add(new Item(items.size() + 1, row.fileNumber(), row.title(), true,
                    motionsByItem.getOrDefault(row.itemId(), List.of())));
        }
        for (AgendaRow row : offAgenda.values()) {
            items.add(new Item(items.size() + 1, row.fileNumber(), row.title(), false,
                    motionsByItem.get(row.itemId())));
        }
        return items;
    }

    private List<MotionRow> motions(String meetingId) {
        Map<String, List<Ballot>> ballots = new HashMap<>();
        jdbc.query("""
                SELECT mv.event_id, mv.person_id, mv.choice FROM member_vote mv JOIN vote v USING (event_id)
                WHERE v.meeting_id = ? ORDER BY mv.event_id, mv.ordinal""", rs -> {
            ballots.computeIfAbsent(rs.getString("event_id"), id -> new ArrayList<>())
                    .add(new Ballot(rs.getString("person_id"), VoteChoice.valueOf(rs.getString("choice"))));
        }, meetingId);
        CorrectedVotes corrected = CorrectedVotes.of(jdbc, meetingId);
        Map<String, List<Vote>> votes = new HashMap<>();
        jdbc.query("""
                SELECT event_id, motion_id, method, result, threshold, needed, present, seats FROM vote
                WHERE meeting_id = ? ORDER BY position""", rs -> {
            String threshold = rs.getString("threshold");
            Vote current = new Vote(Method.valueOf(rs.getString("method")), Result.valueOf(rs.getString("result")),
                    threshold == null ? null : VoteThreshold.valueOf(threshold), (Integer) rs.getObject("needed"),
                    rs.getInt("present"), rs.getInt("seats"),
                    ballots.getOrDefault(rs.getString("event_id"), List.of()));
            votes.computeIfAbsent(rs.getString("motion_id"), id -> new ArrayList<>())
                    .add(corrected.stated(rs.getString("event_id"), current));
        }, meetingId);
        return jdbc.query("""
                        SELECT m.motion_id, m.item_id, m.kind, m.mover, m.seconder, m.refer_to, b.name AS refer_name,
                               f.file_number, f.title AS file_title
                        FROM motion m LEFT JOIN body b ON b.body_id = m.refer_to
                                      LEFT JOIN legislative_file f ON f.file_id = m.file_id
                        WHERE m.meeting_id = ? ORDER BY m.made_at, m.position""",
                (rs, n) -> new MotionRow(rs.getString("item_id"), rs.getString("file_number"),
                        rs.getString("file_title"), new Motion(MotionKind.valueOf(rs.getString("kind")),
                        rs.getString("mover"), rs.getString("seconder"),
                        rs.getString("refer_name") != null ? rs.getString("refer_name") : rs.getString("refer_to"),
                        votes.getOrDefault(rs.getString("motion_id"), List.of()))),
                meetingId);
    }

    /** Everyone the minutes name, each marked as an alder if seated on a council on the meeting's local date. */
    private Map<String, Person> people(String meetingId, LocalDate date) {
        Map<String, Person> people = new HashMap<>();
        jdbc.query("""
                SELECT p.person_id, p.name,
                       EXISTS (SELECT 1 FROM seat s JOIN body b USING (body_id)
                               WHERE s.person_id = p.person_id AND b.kind = 'COUNCIL'
                                 AND s.from_date <= ? AND (s.to_date IS NULL OR s.to_date >= ?)) AS alder
                FROM person p
                WHERE p.person_id IN (SELECT person_id FROM attendance_entry WHERE meeting_id = ?
                                      UNION SELECT mover FROM motion WHERE meeting_id = ?
                                      UNION SELECT seconder FROM motion WHERE meeting_id = ?
                                      UNION SELECT mv.person_id FROM member_vote mv JOIN vote v USING (event_id)
                                            WHERE v.meeting_id = ?)""", rs -> {
            people.put(rs.getString("person_id"),
                    new Person(rs.getString("person_id"), rs.getString("name"), rs.getBoolean("alder")));
        }, Date.valueOf(date), Date.valueOf(date), meetingId, meetingId, meetingId, meetingId);
        return people;
    }

    private static AgendaRow agendaRow(ResultSet rs) throws SQLException {
        return new AgendaRow(rs.getString("item_id"), rs.getString("file_number"), rs.getString("title"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
