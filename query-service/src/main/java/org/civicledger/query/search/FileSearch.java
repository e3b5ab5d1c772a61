package org.civicledger.query.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL full-text search over file_search, in English and in Spanish at once (a file matches if either
 * configuration matches; the better rank counts). The file a query spells by number comes first, then rank, then
 * the newest. Snippets are cut by ts_headline, for the page's rows only, in the configuration that matched.
 */
@Component
public class FileSearch {

    /** ts_headline options; the marks are the private-use characters the document never holds. */
    private static final String HEADLINE = "StartSel=" + SearchProjection.MARK_START + ", StopSel="
            + SearchProjection.MARK_END + ", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static final String HITS = """
            WITH q AS (SELECT websearch_to_tsquery('english', ?) AS en, websearch_to_tsquery('spanish', ?) AS es),
            hits AS (
                SELECT f.file_id, f.file_number, f.title, f.status, f.type, f.introduced_at, s.document,
                       f.file_number = ? AS exact, s.english @@ q.en AS in_english,
                       GREATEST(ts_rank_cd(s.english, q.en), ts_rank_cd(s.spanish, q.es)) AS rank
                FROM legislative_file f JOIN file_search s ON s.file_id = f.file_id CROSS JOIN q
                WHERE (NOT ? OR f.file_number = ? OR s.english @@ q.en OR s.spanish @@ q.es)
                  AND (?::text IS NULL OR f.status = ?)
                  AND (?::text IS NULL OR f.type = ?)
                  AND (?::text IS NULL OR f.sponsor = ? OR EXISTS (SELECT 1 FROM file_cosponsor c
                                                                  WHERE c.file_id = f.file_id AND c.person_id = ?))
                  AND (?::timestamptz IS NULL OR f.introduced_at >= ?)
                  AND (?::timestamptz IS NULL OR f.introduced_at < ?)
            )
            """;

    private final JdbcTemplate jdbc;

    FileSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One result; {@code snippet} is plain text, {@code highlights} the matched spans in it; {@code updatedAt} when
     * the file's record last changed.
     */
    public record Hit(String fileId, String fileNumber, String title, String status, String type,
                      Instant introducedAt, Instant updatedAt, String snippet, List<Snippet.Span> highlights) {
    }

    public record Result(List<Hit> items, long total) {
    }

    public Result search(SearchRequest request) {
        List<Hit> items = jdbc.query(HITS + """
                        SELECT h.*, CASE WHEN NOT ? THEN left(h.document, 240)
                                         WHEN h.in_english THEN ts_headline('english', h.document, q.en, ?)
                                         ELSE ts_headline('spanish', h.document, q.es, ?) END AS snippet,
                               (SELECT max(e.recorded_at) FROM event_log e WHERE e.aggregate_id = h.file_id)
                                   AS updated_at
                        FROM (SELECT * FROM hits ORDER BY exact DESC, rank DESC, introduced_at DESC, file_number
                              LIMIT ? OFFSET ?) h CROSS JOIN q
                        ORDER BY h.exact DESC, h.rank DESC, h.introduced_at DESC, h.file_number""",
                (rs, n) -> {
                    Snippet snippet = Snippet.of(rs.getString("snippet"));
                    return new Hit(rs.getString("file_id"), rs.getString("file_number"), rs.getString("title"),
                            rs.getString("status"), rs.getString("type"),
                            rs.getTimestamp("introduced_at").toInstant(), updated(rs.getTimestamp("updated_at")),
                            snippet.text(), snippet.highlights());
                },
                arguments(request, request.hasText(), HEADLINE, HEADLINE, request.limit(), request.offset()));
        long total = items.size() < request.limit() && (request.offset() == 0 || !items.isEmpty())
                ? request.offset() + items.size()
                : jdbc.queryForObject(HITS + "SELECT count(*) FROM hits", Long.class, arguments(request));
        return new Result(items, total);
    }

    private static Instant updated(Timestamp recorded) {
        return recorded == null ? null : recorded.toInstant();
    }

    private static Object[] arguments(SearchRequest r, Object... more) {
        Timestamp from = r.from() == null ? null : Timestamp.from(r.from());
        Timestamp to = r.to() == null ? null : Timestamp.from(r.to());
        String exact = r.exactNumber().orElse(null);
        List<Object> args = new ArrayList<>(List.of(r.q(), r.q()));
        args.add(exact);
        args.add(r.hasText());
        args.add(exact);
        args.add(r.status());
        args.add(r.status());
        args.add(r.type());
        args.add(r.type());
        args.add(r.sponsor());
        args.add(r.sponsor());
        args.add(r.sponsor());
        args.add(from);
        args.add(from);
        args.add(to);
        args.add(to);
        args.addAll(List.of(more));
        return args.toArray();
    }
}
