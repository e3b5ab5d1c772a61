package org.civicledger.query.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.civicledger.query.meeting.MeetingQueries;
import org.civicledger.query.minutes.MinutesQueries;
import org.civicledger.query.roster.RosterQueries;
import org.civicledger.query.vote.VoteQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The meetings list and a meeting's page. During a meeting its "live" part (attendance and quorum, the motion on the
 * floor, the last vote with its arithmetic) is also served alone, for the page's stream to refresh in place.
 */
@Controller
class MeetingPages {

    private final MeetingQueries meetings;
    private final VoteQueries votes;
    private final MinutesQueries minutes;
    private final RosterQueries roster;
    private final Views views;

    MeetingPages(MeetingQueries meetings, VoteQueries votes, MinutesQueries minutes, RosterQueries roster,
                 Views views) {
        this.meetings = meetings;
        this.votes = votes;
        this.minutes = minutes;
        this.roster = roster;
        this.views = views;
    }

    @GetMapping("/meetings")
    String list(@RequestParam(required = false) String body, Model model) {
        model.addAttribute("meetings", views.items(meetings.list(blankToNull(body), null, null, false)));
        return "meetings";
    }

    @GetMapping("/meetings/{meetingId}")
    String meeting(@PathVariable String meetingId, Model model, HttpServletRequest request) {
        fill(meetingId, model);
        if (((Map<?, ?>) model.getAttribute("meeting")).get("adjournedAt") == null) {
            // Attendance and quorum are read as of now until the meeting adjourns.
            RenderedPages.readsTheClock(request);
        }
        model.addAttribute("minutes", views.map(minutes.minutesJson(meetingId).getBody()));
        return "meeting";
    }

    /** Only the live region, for the page's script to swap in when the stream says something happened. */
    @GetMapping("/meetings/{meetingId}/live")
    String live(@PathVariable String meetingId, Model model) {
        fill(meetingId, model);
        return "meeting :: live";
    }

    private void fill(String meetingId, Model model) {
        Map<String, Object> meeting = views.map(meetings.meeting(meetingId, null));
        List<Map<String, Object>> motions = views.items(votes.motions(meetingId));
        model.addAttribute("meeting", meeting);
        model.addAttribute("motions", motions);
        model.addAttribute("names", views.names(roster.people()));
        Map<String, Object> last = motions.isEmpty() ? null : motions.get(motions.size() - 1);
        model.addAttribute("onTheFloor", last != null && last.get("vote") == null ? last : null);
        model.addAttribute("lastVote", motions.stream().filter(m -> m.get("vote") != null)
                .reduce((a, b) -> b).orElse(null));
        model.addAttribute("presentCount", ((List<?>) ((Map<?, ?>) meeting.get("attendance")).get("members"))
                .stream().filter(m -> "PRESENT".equals(((Map<?, ?>) m).get("status"))).count());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
