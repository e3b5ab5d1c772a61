package org.civicledger.query.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicledger.query.file.FileQueries;
import org.civicledger.query.file.VersionQueries;
import org.civicledger.query.history.HistoryQueries;
import org.civicledger.query.roster.RosterQueries;
import org.civicledger.query.vote.VoteQueries;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The list of files and a file's page: its text and versions, cosponsors, referrals, votes and whole history. */
@Controller
class FilePages {

    private final FileQueries files;
    private final HistoryQueries history;
    private final VersionQueries versions;
    private final VoteQueries votes;
    private final RosterQueries roster;
    private final Views views;

    FilePages(FileQueries files, HistoryQueries history, VersionQueries versions, VoteQueries votes,
              RosterQueries roster, Views views) {
        this.files = files;
        this.history = history;
        this.versions = versions;
        this.votes = votes;
        this.roster = roster;
        this.views = views;
    }

    @GetMapping("/files")
    String list(@RequestParam(required = false) String sponsor, @RequestParam(required = false) String status,
                Model model) {
        model.addAttribute("files", views.items(files.list(blankToNull(sponsor), blankToNull(status), null)));
        model.addAttribute("names", views.names(roster.people()));
        model.addAttribute("sponsor", sponsor);
        model.addAttribute("status", status);
        return "files";
    }

    @GetMapping("/files/{fileId}")
    String file(@PathVariable String fileId, @RequestParam(required = false) Integer from,
                @RequestParam(required = false) Integer to, Model model) {
        Map<String, Object> file = views.map(files.file(fileId));
        List<Map<String, Object>> items = views.items(history.fileHistory(fileId));
        model.addAttribute("file", file);
        model.addAttribute("feed", UriComponentsBuilder.fromPath("/feeds/files/{id}.atom").buildAndExpand(fileId)
                .encode().toUriString());
        model.addAttribute("history", items);
        model.addAttribute("corrections", correctionsByEvent(items));
        model.addAttribute("cosponsors", Cosponsorships.of(items));
        model.addAttribute("votes", views.items(votes.fileVotes(fileId)));
        List<Map<String, Object>> textVersions = views.items(versions.versions(fileId));
        model.addAttribute("versions", textVersions);
        model.addAttribute("names", views.names(roster.people()));
        if (from != null && to != null) {
            ResponseEntity<?> diff = versions.diff(fileId, from.toString(), to.toString(), "application/json");
            model.addAttribute("diff", views.map(diff.getBody()));
        }
        return "file";
    }

    /** Each corrected event id → the corrections of it, so the timeline shows them beside what they correct. */
    private static Map<String, List<Map<String, Object>>> correctionsByEvent(List<Map<String, Object>> items) {
        Map<String, List<Map<String, Object>>> by = new HashMap<>();
        for (Map<String, Object> item : items) {
            Object corrects = item.get("corrects");
            if (corrects != null) {
                by.computeIfAbsent(corrects.toString(), k -> new ArrayList<>()).add(item);
            }
        }
        return by;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Who signed on, when, and who withdrew, read from the history in order. */
    static final class Cosponsorships {

        private Cosponsorships() {
        }

        static List<Map<String, Object>> of(List<Map<String, Object>> history) {
            Map<String, Map<String, Object>> byPerson = new LinkedHashMap<>();
            for (Map<String, Object> item : history) {
                Object type = item.get("type");
                Object data = item.get("data");
                if (!(data instanceof Map<?, ?> d) || d.get("person") == null) {
                    continue;
                }
                String person = d.get("person").toString();
                if ("CosponsorAdded".equals(type)) {
                    byPerson.remove(person);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("person", person);
                    row.put("signedAt", item.get("occurredAt"));
                    row.put("withdrawnAt", null);
                    byPerson.put(person, row);
                } else if ("CosponsorWithdrawn".equals(type) && byPerson.containsKey(person)) {
                    byPerson.get(person).put("withdrawnAt", item.get("occurredAt"));
                }
            }
            return new ArrayList<>(byPerson.values());
        }
    }
}
