package org.civicledger.query.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicledger.events.EventEnvelope;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes event_log: every event once, by its id, with the envelope's bytes exactly as they arrived. Whether an event
 * is new is the answer of the insert itself, never a lookup first. (A lookup by {@code event_id = ANY(?)} took
 * seconds per poll in a rebuild: its plan, cached while the truncated table was empty, scanned every row and
 * compared it with the whole array.)
 */
@Component
class EventLog {

    /** An event as polled: the bytes it arrived as and the envelope read from them. */
    record Entry(byte[] bytes, EventEnvelope envelope) {
    }

    /** A few events, one array per column. */
    private static final String BY_ARRAYS = """
            INSERT INTO event_log (event_id, position, type, aggregate_type, aggregate_id, sequence,
                                   occurred_at, recorded_at, recorded_by, revision, data, envelope)
            SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[],
                                 ?::timestamptz[], ?::timestamptz[], ?::varchar[], ?::varchar[], ?::jsonb[],
                                 ?::bytea[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";
    private static final String[] ARRAY_TYPES = {"varchar", "int8", "varchar", "varchar", "varchar", "int8", "varchar",
            "varchar", "varchar", "varchar", "varchar", "bytea"};
    /** From this many events a poll is logged by COPY ({@link #byCopy}); a live poll of a few, by one INSERT. */
    private static final int COPY_FROM = 100;

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Logs the events whose id is not logged yet (of one id in the list, the first) and answers their ids. At once,
     * not queued: whether an event is new decides whether its projections run.
     */
    Set<String> logNew(List<Entry> events) {
        Map<String, BinaryCopy.Row> byId = new LinkedHashMap<>();
        for (Entry entry : events) {
            EventEnvelope e = entry.envelope();
            byId.putIfAbsent(e.id(), new BinaryCopy.Row(e.id(), e.position(), e.type(), e.aggregateType(),
                    e.aggregateId(), e.sequence(), e.occurredAt(), e.recordedAt(), e.recordedBy(), e.revision(),
                    e.data().toString(), entry.bytes()));
        }
        List<BinaryCopy.Row> rows = List.copyOf(byId.values());
        if (rows.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(rows.size() < COPY_FROM ? byArrays(rows) : byCopy(rows));
    }

    private List<String> byArrays(List<BinaryCopy.Row> rows) {
        Object[][] columns = {
                rows.stream().map(BinaryCopy.Row::id).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::position).toArray(Long[]::new),
                rows.stream().map(BinaryCopy.Row::type).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::aggregateType).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::aggregateId).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::sequence).toArray(Long[]::new),
                rows.stream().map(r -> BinaryCopy.logged(r.occurredAt()).toString()).toArray(String[]::new),
                rows.stream().map(r -> BinaryCopy.logged(r.recordedAt()).toString()).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::recordedBy).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::revision).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::data).toArray(String[]::new),
                rows.stream().map(BinaryCopy.Row::bytes).toArray(byte[][]::new)};
        return jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(BY_ARRAYS);
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf(ARRAY_TYPES[i], columns[i]));
            }
            return statement;
        }, (rs, row) -> rs.getString(1));
    }

    /**
     * A catch-up poll: binary COPY into a temporary table (no WAL, no index), then one INSERT from it with the
     * conflict check. Rows a second copy in the same transaction would find there again are logged by then, so
     * they are not answered as new.
     */
    private List<String> byCopy(List<BinaryCopy.Row> rows) {
        jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS event_log_incoming (LIKE event_log) ON COMMIT DELETE ROWS");
        byte[] copy = BinaryCopy.encode(rows);
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY event_log_incoming FROM STDIN (FORMAT binary)", new ByteArrayInputStream(copy));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return jdbc.queryForList("""
                INSERT INTO event_log SELECT * FROM event_log_incoming
                ON CONFLICT (event_id) DO NOTHING
                RETURNING event_id""", String.class);
    }
}
