package org.civicledger.query.page;

import org.civicledger.query.file.FileQueries;
import org.civicledger.query.meeting.AttendanceQueries;
import org.civicledger.query.meeting.MeetingQueries;
import org.civicledger.query.roster.RosterQueries;
import org.civicledger.query.vote.VoteQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;

/** A body's page (members with terms, rules, calendar) and a person's (files, votes, attendance). */
@Controller
class RosterPages {

    private final RosterQueries roster;
    private final MeetingQueries meetings;
    private final FileQueries files;
    private final VoteQueries votes;
    private final AttendanceQueries attendance;
    private final Views views;

    RosterPages(RosterQueries roster, MeetingQueries meetings, FileQueries files, VoteQueries votes,
                AttendanceQueries attendance, Views views) {
        this.roster = roster;
        this.meetings = meetings;
        this.files = files;
        this.votes = votes;
        this.attendance = attendance;
        this.views = views;
    }

    @GetMapping("/bodies/{bodyId}")
    String body(@PathVariable String bodyId, Model model) {
        model.addAttribute("body", views.map(roster.body(bodyId)));
        model.addAttribute("feed", UriComponentsBuilder.fromPath("/feeds/bodies/{id}.atom").buildAndExpand(bodyId)
                .encode().toUriString());
        model.addAttribute("calendar", views.items(meetings.calendar(bodyId)));
        model.addAttribute("names", views.names(roster.people()));
        return "body";
    }

    @GetMapping("/people/{personId}")
    String person(@PathVariable String personId, Model model) {
        model.addAttribute("person", views.map(roster.person(personId)));
        model.addAttribute("feed", UriComponentsBuilder.fromPath("/feeds/people/{id}.atom").buildAndExpand(personId)
                .encode().toUriString());
        model.addAttribute("sponsored", views.items(files.list(personId, null, null)));
        model.addAttribute("cosponsored", views.items(files.list(null, null, personId)));
        model.addAttribute("votes", views.items(votes.personVotes(personId)));
        model.addAttribute("attendance", views.map(attendance.record(personId)));
        return "person";
    }
}
