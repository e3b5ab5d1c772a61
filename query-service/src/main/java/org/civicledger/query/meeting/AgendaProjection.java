package org.civicledger.query.meeting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.events.EventEnvelope;
import org.civicledger.events.meeting.AgendaItemAdded;
import org.civicledger.events.meeting.AgendaItemRemoved;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.AgendaReordered;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.civicledger.query.stream.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A meeting's draft agenda and every version published from it. A file item shows its file number, and the
 * file's title when the item has none of its own.
 */
@Component
class AgendaProjection implements Projection {

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    AgendaProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    record Agenda(Integer version, Instant publishedAt, List<Item> items) {
        static final Agenda UNPUBLISHED = new Agenda(null, null, List.of());
    }

    record Item(int number, String itemId, String fileId, String fileNumber, String title, boolean consent) {
    }

    record DraftItem(String itemId, String fileId, String fileNumber, String title, boolean consent) {
    }

    /** The new item goes last on the draft: its place is read from the meeting's draft as it stands. */
    @Handles
    void on(AgendaItemAdded e) {
        writes.update(Rows.of("meeting", e.meetingId()), """
                INSERT INTO agenda_draft_item (meeting_id, item_id, file_id, title, consent, place)
                SELECT ?, ?, ?, ?, ?, COALESCE(max(place), 0) + 1 FROM agenda_draft_item WHERE meeting_id = ?""",
                e.meetingId(), e.itemId(), e.fileId(), e.title(), e.consent(), e.meetingId());
    }

    @Handles
    void on(AgendaItemRemoved e) {
        writes.update(Rows.of("meeting", e.meetingId()),
                "DELETE FROM agenda_draft_item WHERE meeting_id = ? AND item_id = ?", e.meetingId(), e.itemId());
    }

    @Handles
    void on(AgendaReordered e) {
        List<Object[]> places = new ArrayList<>();
        for (int i = 0; i < e.itemIds().size(); i++) {
            places.add(new Object[] {i + 1, e.meetingId(), e.itemIds().get(i)});
        }
        writes.batch(Rows.of("meeting", e.meetingId()),
                "UPDATE agenda_draft_item SET place = ? WHERE meeting_id = ? AND item_id = ?", places);
    }

    @Handles
    void on(AgendaPublished e) {
        writes.update(Rows.of("meeting", e.meetingId()),
                "INSERT INTO agenda_version (meeting_id, version, published_at) VALUES (?, ?, ?)",
                e.meetingId(), e.version(), Timestamp.from(e.occurredAt()));
        writes.batch(Rows.of("meeting", e.meetingId()), """
                INSERT INTO agenda_version_item (meeting_id, version, number, item_id, file_id, title, consent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                e.items().stream().map(i -> new Object[] {e.meetingId(), e.version(), i.number(), i.itemId(),
                        i.fileId(), i.title(), i.consent()}).toList());
    }

    /** Every published version, oldest first. */
    List<Agenda> versions(String meetingId) {
        Map<Integer, List<Item>> items = new LinkedHashMap<>();
        jdbc.query("""
                        SELECT i.version, i.number, i.item_id, i.file_id, f.file_number,
                               COALESCE(i.title, f.title) AS title, i.consent
                        FROM agenda_version_item i LEFT JOIN legislative_file f USING (file_id)
                        WHERE i.meeting_id = ? ORDER BY i.version, i.number""",
                rs -> {
                    items.computeIfAbsent(rs.getInt("version"), v -> new ArrayList<>()).add(new Item(
                            rs.getInt("number"), rs.getString("item_id"), rs.getString("file_id"),
                            rs.getString("file_number"), rs.getString("title"), rs.getBoolean("consent")));
                }, meetingId);
        return jdbc.query("SELECT version, published_at FROM agenda_version WHERE meeting_id = ? ORDER BY version",
                (rs, n) -> new Agenda(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(),
                        items.getOrDefault(rs.getInt("version"), List.of())), meetingId);
    }

    List<DraftItem> draft(String meetingId) {
        return jdbc.query("""
                        SELECT d.item_id, d.file_id, f.file_number, COALESCE(d.title, f.title) AS title, d.consent
                        FROM agenda_draft_item d LEFT JOIN legislative_file f USING (file_id)
                        WHERE d.meeting_id = ? ORDER BY d.place""",
                (rs, n) -> new DraftItem(rs.getString("item_id"), rs.getString("file_id"), rs.getString("file_number"),
                        rs.getString("title"), rs.getBoolean("consent")), meetingId);
    }
}
