package org.civicledger.query.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.query.search.FileSearch;
import org.civicledger.query.search.SearchRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page: the same search as {@code GET /api/search}, each snippet's matches shown in {@code <mark>}. */
@Controller
class SearchPages {

    private final FileSearch search;
    private final Views views;

    SearchPages(FileSearch search, Views views) {
        this.search = search;
        this.views = views;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String type, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("type", type);
        if (q == null || q.isBlank()) {
            model.addAttribute("results", null);
            return "search";
        }
        Map<String, Object> result = views.map(search.search(SearchRequest.parse(q, blankToNull(status),
                blankToNull(type), null, null, null, null, null)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) result.get("items");
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> row = new LinkedHashMap<>(item);
            row.put("segments", segments(String.valueOf(item.get("snippet")), item.get("highlights")));
            shown.add(row);
        }
        model.addAttribute("results", shown);
        model.addAttribute("feed", UriComponentsBuilder.fromPath("/feeds/search.atom").queryParam("q", q).build()
                .encode().toUriString());
        model.addAttribute("total", result.get("total"));
        return "search";
    }

    /** The snippet as plain and matched pieces, for the template to escape each and mark the matches. */
    static List<Map<String, Object>> segments(String text, Object highlights) {
        List<Map<String, Object>> out = new ArrayList<>();
        int at = 0;
        if (highlights instanceof List<?> spans) {
            for (Object span : spans) {
                if (!(span instanceof Map<?, ?> s) || !(s.get("start") instanceof Number a)
                        || !(s.get("end") instanceof Number b)) {
                    continue;
                }
                int start = Math.max(at, Math.min(a.intValue(), text.length()));
                int end = Math.max(start, Math.min(b.intValue(), text.length()));
                if (start > at) {
                    out.add(Map.of("text", text.substring(at, start), "mark", false));
                }
                if (end > start) {
                    out.add(Map.of("text", text.substring(start, end), "mark", true));
                }
                at = end;
            }
        }
        if (at < text.length()) {
            out.add(Map.of("text", text.substring(at), "mark", false));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
