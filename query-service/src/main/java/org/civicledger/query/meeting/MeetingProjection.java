package org.civicledger.query.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.meeting.MeetingAdjourned;
import org.civicledger.events.meeting.MeetingCalledToOrder;
import org.civicledger.events.meeting.MeetingCancelled;
import org.civicledger.events.meeting.MeetingRescheduled;
import org.civicledger.events.meeting.MeetingScheduled;
import org.civicledger.query.meeting.TimeParameters.Bound;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.civicledger.query.web.NotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Meetings: when and where, and how far along they are (SCHEDULED, IN_PROGRESS, ADJOURNED, CANCELLED). */
@Component
public class MeetingProjection implements Projection {

    private static final String SELECT = """
            SELECT meeting_id, body_id, starts_at, time_zone, location, status, cancel_reason, called_to_order_at,
                   adjourned_at, reschedules, revised_at
            FROM meeting""";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    MeetingProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /** {@code startsAt} is shown in the meeting's own time zone; {@code revisedAt} is when its record last changed. */
    record Meeting(String meetingId, String body, OffsetDateTime startsAt, String timeZone, String location,
                   String status, String cancelReason, Instant calledToOrderAt, Instant adjournedAt, int reschedules,
                   Instant revisedAt) {
    }

    @Handles
    void on(MeetingScheduled e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                INSERT INTO meeting (meeting_id, body_id, starts_at, time_zone, location, status, revised_at)
                VALUES (?, ?, ?, ?, ?, 'SCHEDULED', ?)""",
                e.meetingId(), e.bodyId(), Timestamp.from(e.startsAt().toInstant()), e.timeZone(), e.location(),
                revised(envelope));
    }

    /** A reschedule that names no location keeps the old one. */
    @Handles
    void on(MeetingRescheduled e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                UPDATE meeting SET starts_at = ?, location = COALESCE(?, location), reschedules = reschedules + 1,
                                   revised_at = ?
                WHERE meeting_id = ?""",
                Timestamp.from(e.startsAt().toInstant()), e.location(), revised(envelope), e.meetingId());
    }

    @Handles
    void on(MeetingCancelled e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                UPDATE meeting SET status = 'CANCELLED', cancel_reason = ?, revised_at = ? WHERE meeting_id = ?""",
                e.reason(), revised(envelope), e.meetingId());
    }

    @Handles
    void on(MeetingCalledToOrder e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                UPDATE meeting SET status = 'IN_PROGRESS', called_to_order_at = ?, revised_at = ?
                WHERE meeting_id = ?""", Timestamp.from(e.occurredAt()), revised(envelope), e.meetingId());
    }

    @Handles
    void on(MeetingAdjourned e, EventEnvelope envelope) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                UPDATE meeting SET status = 'ADJOURNED', adjourned_at = ?, revised_at = ? WHERE meeting_id = ?""",
                Timestamp.from(e.occurredAt()), revised(envelope), e.meetingId());
    }

    private static Timestamp revised(EventEnvelope envelope) {
        return Timestamp.from(envelope.recordedAt());
    }

    public void requireMeeting(String meetingId) {
        if (find(meetingId).isEmpty()) {
            throw NotFound.of("meeting", meetingId);
        }
    }

    Optional<Meeting> find(String meetingId) {
        return jdbc.query(SELECT + " WHERE meeting_id = ?", MeetingProjection::meeting, meetingId).stream().findFirst();
    }

    /** Ordered by start; every filter is optional. {@code upcomingFrom}: starting then or later, not cancelled. */
    List<Meeting> list(String bodyId, Bound from, Bound to, Instant upcomingFrom) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (bodyId != null) {
            where.append(" AND body_id = ?");
            args.add(bodyId);
        }
        if (from != null) {
            where.append(" AND ").append(from.column()).append(" >= ?");
            args.add(from.value());
        }
        if (to != null) {
            where.append(" AND ").append(to.column()).append(" <= ?");
            args.add(to.value());
        }
        if (upcomingFrom != null) {
            where.append(" AND starts_at >= ? AND status <> 'CANCELLED'");
            args.add(Timestamp.from(upcomingFrom));
        }
        return jdbc.query(SELECT + where + " ORDER BY starts_at, meeting_id", MeetingProjection::meeting,
                args.toArray());
    }

    private static Meeting meeting(ResultSet rs, int row) throws SQLException {
        String zone = rs.getString("time_zone");
        return new Meeting(rs.getString("meeting_id"), rs.getString("body_id"),
                rs.getTimestamp("starts_at").toInstant().atZone(ZoneId.of(zone)).toOffsetDateTime(), zone,
                rs.getString("location"), rs.getString("status"), rs.getString("cancel_reason"),
                instant(rs, "called_to_order_at"), instant(rs, "adjourned_at"), rs.getInt("reschedules"),
                instant(rs, "revised_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
