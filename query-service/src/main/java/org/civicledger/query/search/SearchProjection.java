package org.civicledger.query.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civicledger.events.file.AmendmentAdopted;
import org.civicledger.events.file.CosponsorAdded;
import org.civicledger.events.file.CosponsorWithdrawn;
import org.civicledger.events.file.FileIntroduced;
import org.civicledger.events.meeting.AgendaPublished;
import org.civicledger.events.meeting.MinutesApproved;
import org.civicledger.events.meeting.MotionMade;
import org.civicledger.query.stream.Handles;
import org.civicledger.query.stream.Projection;
import org.civicledger.query.stream.ReadModelWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The search index (file_search): each file's document rebuilt from the read models whenever an event changes what
 * is searched — number, title, current text, sponsor and cosponsor names, and the approved minutes of every meeting
 * that had the file on a published agenda or made a motion on it. It reads the other read models, so the fold runs
 * it after them ({@link #readsOtherReadModels}). Each part is capped, so no text can make the tsvector too large and
 * the event a dead letter. A document is built once per file per applied batch, after the batch's other writes, from
 * the read models as they then stand: a rebuild indexes each file once per batch, not once per event.
 */
@Component
class SearchProjection implements Projection {

    private static final int PART = 100_000;

    /** The private-use characters ts_headline marks matches with; removed from the record's text first. */
    static final String MARK_START = "\uE000";
    static final String MARK_END = "\uE001";

    private static final String DOCUMENT = """
            WITH part AS (
                SELECT f.file_id,
                       f.file_number || ' ' || f.title AS head,
                       concat_ws(' ', COALESCE((SELECT p.name FROM person p WHERE p.person_id = f.sponsor), f.sponsor),
                                 (SELECT string_agg(COALESCE(p.name, c.person_id), ' ' ORDER BY c.signed_position)
                                  FROM file_cosponsor c LEFT JOIN person p ON p.person_id = c.person_id
                                  WHERE c.file_id = f.file_id)) AS names,
                       left(f.text, %1$d) AS body,
                       COALESCE(left((SELECT string_agg(m.text, E'\\n' ORDER BY m.approved_at, m.meeting_id)
                                      FROM (SELECT meeting_id FROM agenda_version_item WHERE file_id = f.file_id
                                            UNION SELECT meeting_id FROM motion WHERE file_id = f.file_id) fm
                                      JOIN minutes_approval m USING (meeting_id)), %1$d), '') AS minutes
                FROM legislative_file f WHERE f.file_id = ?
            )
            INSERT INTO file_search (file_id, document, english, spanish)
            SELECT file_id,
                   translate(head || E'\\n' || names || E'\\n' || body || E'\\n' || minutes, E'\\uE000\\uE001', ''),
                   setweight(to_tsvector('english', head), 'A') || setweight(to_tsvector('english', names), 'B')
                       || setweight(to_tsvector('english', body), 'C')
                       || setweight(to_tsvector('english', minutes), 'D'),
                   setweight(to_tsvector('spanish', head), 'A') || setweight(to_tsvector('spanish', names), 'B')
                       || setweight(to_tsvector('spanish', body), 'C')
                       || setweight(to_tsvector('spanish', minutes), 'D')
            FROM part""".formatted(PART);
    private static final String REFRESH = DOCUMENT + " ON CONFLICT (file_id) DO UPDATE SET"
            + " document = EXCLUDED.document, english = EXCLUDED.english, spanish = EXCLUDED.spanish";
    private static final String FILL_IN = DOCUMENT + " ON CONFLICT (file_id) DO NOTHING";

    /** The files the approved minutes of these meetings speak of. */
    private static final String FILES_OF_MEETINGS_WITH_MINUTES = """
            SELECT file_id FROM (
                SELECT file_id, meeting_id FROM agenda_version_item WHERE meeting_id = ANY(?) AND file_id IS NOT NULL
                UNION SELECT file_id, meeting_id FROM motion WHERE meeting_id = ANY(?) AND file_id IS NOT NULL) f
            WHERE f.meeting_id IN (SELECT meeting_id FROM minutes_approval WHERE meeting_id = ANY(?))
            GROUP BY file_id ORDER BY file_id""";

    private static final Logger log = LoggerFactory.getLogger(SearchProjection.class);
    private static final String FILE = "file:";
    private static final String MEETING = "meeting:";

    private final JdbcTemplate jdbc;
    private final ReadModelWrites writes;

    SearchProjection(JdbcTemplate jdbc, ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @Override
    public boolean readsOtherReadModels() {
        return true;
    }

    @Handles
    void on(FileIntroduced e) {
        refresh(e.fileId());
    }

    @Handles
    void on(CosponsorAdded e) {
        refresh(e.fileId());
    }

    @Handles
    void on(CosponsorWithdrawn e) {
        refresh(e.fileId());
    }

    @Handles
    void on(AmendmentAdopted e) {
        if (e.version() != null) {
            refresh(e.fileId());
        }
    }

    @Handles
    void on(MinutesApproved e) {
        refreshFilesOf(e.meetingId());
    }

    @Handles
    void on(AgendaPublished e) {
        refreshFilesOf(e.meetingId());
    }

    @Handles
    void on(MotionMade e) {
        if (e.fileId() != null) {
            refreshFilesOf(e.meetingId());
        }
    }

    private void refresh(String fileId) {
        writes.afterWrites("file_search", FILE + fileId, this::refresh);
    }

    private void refreshFilesOf(String meetingId) {
        writes.afterWrites("file_search", MEETING + meetingId, this::refresh);
    }

    /**
     * One document per file per batch: for the files named, and for those that the approved minutes of the meetings
     * named speak of (only meetings with approved minutes: for the others nothing searched has changed). One group,
     * so a file named both ways is indexed once.
     */
    private void refresh(Set<String> items) {
        Set<String> files = new LinkedHashSet<>();
        List<String> meetings = new ArrayList<>();
        for (String item : items) {
            if (item.startsWith(FILE)) {
                files.add(item.substring(FILE.length()));
            } else {
                meetings.add(item.substring(MEETING.length()));
            }
        }
        if (!meetings.isEmpty()) {
            String[] ids = meetings.toArray(String[]::new);
            files.addAll(jdbc.queryForList(FILES_OF_MEETINGS_WITH_MINUTES, String.class, ids, ids, ids));
        }
        if (!files.isEmpty()) {
            jdbc.batchUpdate(REFRESH, files.stream().map(id -> new Object[] {id}).toList());
        }
    }

    /**
     * Files the index lacks (they were projected before it existed): indexed once the service is up, beside the
     * consumer, never overwriting a row the consumer has just written.
     */
    @EventListener(ApplicationReadyEvent.class)
    void indexMissing() {
        int indexed = 0;
        for (String fileId : jdbc.queryForList("""
                SELECT file_id FROM legislative_file f
                WHERE NOT EXISTS (SELECT 1 FROM file_search s WHERE s.file_id = f.file_id)""", String.class)) {
            indexed += jdbc.update(FILL_IN, fileId);
        }
        if (indexed > 0) {
            log.info("search index: {} file(s) indexed that the index did not have yet", indexed);
        }
    }
}
