package org.civicledger.query.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Events in PostgreSQL's binary COPY format, in event_log's column order, for a poll logged through a temporary
 * table. Hand-written: pgjdbc sends COPY data but has no row encoder, and the format is four types here (the
 * "Binary Format" section of PostgreSQL's COPY page).
 */
final class BinaryCopy {

    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    private static final int COLUMNS = 12;
    private static final byte JSONB_VERSION = 1;

    private BinaryCopy() {
    }

    /** One row per event: its envelope and the bytes it arrived as. */
    record Row(String id, long position, String type, String aggregateType, String aggregateId, long sequence,
               Instant occurredAt, Instant recordedAt, String recordedBy, String revision, String data, byte[] bytes) {
    }

    /** Event times as logged: to the microsecond (PostgreSQL's precision), cut the same way on every path. */
    static Instant logged(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    static byte[] encode(List<Row> rows) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(rows.size() * 1024);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
            for (Row row : rows) {
                out.writeShort(COLUMNS);
                text(out, row.id());
                int8(out, row.position());
                text(out, row.type());
                text(out, row.aggregateType());
                text(out, row.aggregateId());
                int8(out, row.sequence());
                timestamp(out, row.occurredAt());
                timestamp(out, row.recordedAt());
                text(out, row.recordedBy());
                text(out, row.revision());
                byte[] json = row.data().getBytes(StandardCharsets.UTF_8);
                out.writeInt(json.length + 1);
                out.writeByte(JSONB_VERSION);
                out.write(json);
                out.writeInt(row.bytes().length);
                out.write(row.bytes());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void int8(DataOutputStream out, long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private static void timestamp(DataOutputStream out, Instant time) throws IOException {
        Instant t = logged(time);
        out.writeInt(8);
        out.writeLong(t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
    }
}
