package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.civicledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.civicledger.command.web.Occurrence;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The list of meetings, upcoming first, and scheduling a new one (as POST /api/meetings does). */
@Controller
class MeetingsScreen {

    static final ConsoleViews.Input NOTHING_REFUSED = new ConsoleViews.Input("", Map.of());

    private final MeetingReads reads;
    private final ClerkActions actions;
    private final Occurrence occurrence;

    MeetingsScreen(MeetingReads reads, ClerkActions actions, Occurrence occurrence) {
        this.reads = reads;
        this.actions = actions;
        this.occurrence = occurrence;
    }

    @GetMapping("/console/meetings")
    String list(@RequestParam(defaultValue = "0") long after, Principal clerk, Model model) {
        model.addAttribute(ConsoleViews.INPUT, NOTHING_REFUSED);
        return page(after, clerk, model);
    }

    @PostMapping("/console/meetings")
    ModelAndView schedule(@RequestParam(required = false) String body,
                          @RequestParam(required = false) String startsAt,
                          @RequestParam(required = false) String location,
                          Principal clerk, Model model, HttpServletRequest request, HttpServletResponse response) {
        String meetingId = UUID.randomUUID().toString();
        ClerkActions.Done done = actions.record(() -> {
            String bodyId = ConsoleForms.required(body, "body");
            Instant at = ConsoleForms.present(ConsoleForms.at(startsAt, reads.city(), "startsAt"), "startsAt");
            String place = ConsoleForms.withinLength(ConsoleForms.required(location, "location"), "location", 500);
            return new ScheduleMeeting(meetingId, bodyId, at.atZone(reads.city()).toOffsetDateTime(),
                    reads.city().getId(), place, occurrence.resolve(null));
        });
        if (done.refused()) {
            ConsoleViews.refused(model, "schedule", done.refusal(), request, response);
            return new ModelAndView(page(0, clerk, model));
        }
        return new ModelAndView(ConsoleViews.seeOther("/console/meetings/" + meetingId, done.position()));
    }

    private String page(long after, Principal clerk, Model model) {
        model.addAttribute("clerk", clerk.getName());
        model.addAttribute("sections", ConsoleController.SECTIONS);
        model.addAttribute("meetings", reads.meetings(after));
        model.addAttribute("bodies", reads.bodies(0));
        return "console/meetings";
    }
}
