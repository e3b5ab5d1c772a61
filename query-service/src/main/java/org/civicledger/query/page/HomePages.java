package org.civicledger.query.page;

import org.civicledger.query.history.History;
import org.civicledger.query.history.Selection;
import org.civicledger.query.log.ServedCheckpoints;
import org.civicledger.query.log.TrustedKey;
import org.civicledger.query.meeting.MeetingQueries;
import org.civicledger.query.roster.RosterQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page (upcoming meetings, latest actions, search) and how to verify the record. */
@Controller
class HomePages {

    private static final int LATEST = 15;

    private final MeetingQueries meetings;
    private final History history;
    private final RosterQueries roster;
    private final ServedCheckpoints checkpoints;
    private final TrustedKey key;
    private final Views views;

    HomePages(MeetingQueries meetings, History history, RosterQueries roster, ServedCheckpoints checkpoints,
              TrustedKey key, Views views) {
        this.meetings = meetings;
        this.history = history;
        this.roster = roster;
        this.checkpoints = checkpoints;
        this.key = key;
        this.views = views;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("upcoming", views.items(meetings.list(null, null, null, true)));
        model.addAttribute("latest", history.latest(Selection.ALL, LATEST).stream().map(views::map).toList());
        model.addAttribute("names", views.names(roster.people()));
        return "home";
    }

    @GetMapping("/verify")
    String verify(Model model) {
        model.addAttribute("key", key.current().orElse(null));
        model.addAttribute("checkpoint", checkpoints.latest().map(ServedCheckpoints.Served::note).orElse(null));
        return "verify";
    }
}
