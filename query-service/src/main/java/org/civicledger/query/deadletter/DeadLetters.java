package org.civicledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.civicledger.events.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter table: events that could not be projected, and the later events of their aggregates held back
 * behind them so each aggregate's order is kept (Axon's sequenced dead-letter queue is the model). Writes happen on
 * the consumer's thread only, inside its transactions.
 */
@Component
public class DeadLetters {

    /** One parked event, as the public listing shows it. */
    public record DeadLetter(long position, String eventId, String aggregateId, String type, String error,
                             Long heldBackBy, Timestamp firstFailedAt, Timestamp lastFailedAt, int attempts) {
    }

    /** A parked event with its exact bytes, for a retry. */
    public record Parked(String eventId, long position, byte[] envelope) {
    }

    public record Counts(long deadLetters, long failed, long heldBack, long aggregates) {
    }

    private final JdbcTemplate jdbc;
    private volatile Set<String> held;

    DeadLetters(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        reload();
        Gauge.builder("civic.dead-letters", () -> counts().deadLetters()).description("events parked as dead letters")
                .baseUnit("events").register(meters);
    }

    /** Aggregates with parked events: their later events are held back, everything else flows. */
    public Set<String> heldAggregates() {
        return held;
    }

    /** Rereads the held aggregates after a transaction that parked or released events has committed. */
    public void reload() {
        held = Set.copyOf(jdbc.queryForList("SELECT DISTINCT aggregate_id FROM dead_letter", String.class));
    }

    /** The sequencing key: the aggregate, or the subject for an envelope that names none. */
    public static String aggregateOf(EventEnvelope envelope) {
        String key = envelope.aggregateId() != null ? envelope.aggregateId() : envelope.subject();
        return key == null ? "" : DisplayText.of(key);
    }

    /** Parks an event that failed; {@code error} is already a short class-and-message. */
    public void park(byte[] record, EventEnvelope envelope, String error) {
        insert(record, envelope, error, null);
    }

    /** Parks an event behind the first dead letter of its aggregate, untried. */
    public void holdBack(byte[] record, EventEnvelope envelope) {
        Long first = jdbc.queryForObject("SELECT min(position) FROM dead_letter WHERE aggregate_id = ?", Long.class,
                aggregateOf(envelope));
        insert(record, envelope, "held back behind the dead letter at position " + first, first);
    }

    private void insert(byte[] record, EventEnvelope envelope, String error, Long heldBackBy) {
        jdbc.update("""
                INSERT INTO dead_letter (event_id, position, aggregate_id, type, envelope, error, held_back_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                DisplayText.of(envelope.id()), envelope.position(), aggregateOf(envelope),
                DisplayText.of(envelope.type()), record, DisplayText.of(error), heldBackBy);
    }

    /** Oldest first per aggregate: the order a retry must follow. */
    public List<Parked> parkedOf(String aggregateId) {
        return jdbc.query("SELECT event_id, position, envelope FROM dead_letter WHERE aggregate_id = ? ORDER BY position",
                (rs, row) -> new Parked(rs.getString(1), rs.getLong(2), rs.getBytes(3)), aggregateId);
    }

    public void release(String eventId) {
        jdbc.update("DELETE FROM dead_letter WHERE event_id = ?", eventId);
    }

    /** The event failed again: it now heads its aggregate's queue, and what follows waits behind it. */
    public void failedAgain(Parked parked, String aggregateId, String error) {
        jdbc.update("""
                UPDATE dead_letter SET error = ?, attempts = attempts + 1, last_failed_at = now(), held_back_by = NULL
                WHERE event_id = ?""", DisplayText.of(error), parked.eventId());
        jdbc.update("UPDATE dead_letter SET held_back_by = ? WHERE aggregate_id = ? AND position > ?",
                parked.position(), aggregateId, parked.position());
    }

    public List<DeadLetter> list(int limit) {
        return jdbc.query("""
                SELECT position, event_id, aggregate_id, type, error, held_back_by, first_failed_at, last_failed_at,
                       attempts
                FROM dead_letter ORDER BY position LIMIT ?""",
                (rs, row) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getTimestamp(7), rs.getTimestamp(8),
                        rs.getInt(9)), limit);
    }

    public Counts counts() {
        return jdbc.queryForObject("""
                SELECT count(*), count(*) FILTER (WHERE held_back_by IS NULL),
                       count(*) FILTER (WHERE held_back_by IS NOT NULL), count(DISTINCT aggregate_id)
                FROM dead_letter""",
                (rs, row) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /** The highest position parked, so the public position counts parked events as processed. */
    public long highestPosition() {
        Long highest = jdbc.queryForObject("SELECT max(position) FROM dead_letter", Long.class);
        return highest == null ? 0 : highest;
    }
}
