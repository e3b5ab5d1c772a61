package org.civicledger.query.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search}: files by words (websearch syntax: quotes, OR, -word) and filters, which combine.
 * {@code sponsor} matches the sponsor or a current cosponsor. Paged by {@code limit} (at most 100) and
 * {@code offset} (at most 10,000).
 */
@RestController
class SearchQueries {

    private final FileSearch search;

    SearchQueries(FileSearch search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    FileSearch.Result search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                             @RequestParam(required = false) String type,
                             @RequestParam(required = false) String sponsor,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String limit,
                             @RequestParam(required = false) String offset) {
        return search.search(SearchRequest.parse(q, status, type, sponsor, from, to, limit, offset));
    }
}
