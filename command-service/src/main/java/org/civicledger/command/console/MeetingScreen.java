package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.civicledger.command.meeting.MeetingCommands.AddAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.civicledger.command.meeting.MeetingCommands.CancelMeeting;
import org.civicledger.command.meeting.MeetingCommands.PublishAgenda;
import org.civicledger.command.meeting.MeetingCommands.RemoveAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.ReorderAgenda;
import org.civicledger.command.meeting.MeetingCommands.RescheduleMeeting;
import org.civicledger.command.web.Occurrence;
import org.civicledger.command.web.RecordIds;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * One meeting: reschedule or cancel it, build its agenda (add, remove, reorder, publish), preview its draft minutes
 * and approve them by a later meeting's motion. Each action is the command the meetings API would record.
 */
@Controller
@RequestMapping("/console/meetings/{meetingId}")
class MeetingScreen {

    /** The move forms name themselves so a refusal shows beside the one button that caused it. */
    private static final Pattern MOVE_FORM = Pattern.compile("(up|down)-[0-9a-f-]{36}");
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f-]{36}");

    private final MeetingReads reads;
    private final ClerkActions actions;
    private final Occurrence occurrence;

    MeetingScreen(MeetingReads reads, ClerkActions actions, Occurrence occurrence) {
        this.reads = reads;
        this.actions = actions;
        this.occurrence = occurrence;
    }

    @GetMapping
    String show(@PathVariable String meetingId, @RequestParam(defaultValue = "0") long after,
                @RequestParam(required = false) String approver, Principal clerk, Model model) {
        model.addAttribute(ConsoleViews.INPUT, MeetingsScreen.NOTHING_REFUSED);
        return page(meetingId, after, approver, clerk, model);
    }

    @PostMapping("/reschedule")
    ModelAndView reschedule(@PathVariable String meetingId, @RequestParam(required = false) String startsAt,
                            @RequestParam(required = false) String location, Principal clerk, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        return act(meetingId, "reschedule", () -> {
            Instant at = ConsoleForms.present(ConsoleForms.at(startsAt, reads.city(), "startsAt"), "startsAt");
            return new RescheduleMeeting(RecordIds.meeting(meetingId), at.atZone(reads.city()).toOffsetDateTime(),
                    ConsoleForms.withinLength(ConsoleForms.text(location), "location", 500), occurrence.resolve(null));
        }, clerk, model, request, response);
    }

    @PostMapping("/cancel")
    ModelAndView cancel(@PathVariable String meetingId, @RequestParam(required = false) String reason,
                        Principal clerk, Model model, HttpServletRequest request, HttpServletResponse response) {
        return act(meetingId, "cancel", () -> new CancelMeeting(RecordIds.meeting(meetingId),
                ConsoleForms.withinLength(ConsoleForms.required(reason, "reason"), "reason", 2000),
                occurrence.resolve(null)), clerk, model, request, response);
    }

    @PostMapping("/agenda/items")
    ModelAndView addItem(@PathVariable String meetingId, @RequestParam(required = false) String fileId,
                         @RequestParam(required = false) String title, @RequestParam(required = false) String consent,
                         Principal clerk, Model model, HttpServletRequest request, HttpServletResponse response) {
        String itemId = UUID.randomUUID().toString();
        return act(meetingId, "addItem", () -> new AddAgendaItem(RecordIds.meeting(meetingId), itemId,
                ConsoleForms.text(fileId), ConsoleForms.withinLength(ConsoleForms.text(title), "title", 500),
                consent != null, occurrence.resolve(null)), clerk, model, request, response);
    }

    @PostMapping("/agenda/items/{itemId}/remove")
    ModelAndView removeItem(@PathVariable String meetingId, @PathVariable String itemId, Principal clerk,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
        String form = UUID_SHAPE.matcher(itemId).matches() ? "remove-" + itemId : "remove";
        return act(meetingId, form, () -> new RemoveAgendaItem(RecordIds.meeting(meetingId), itemId,
                occurrence.resolve(null)), clerk, model, request, response);
    }

    /** The new order, every item once: from a move up/down button, or from the drag-and-drop script. */
    @PostMapping("/agenda/order")
    ModelAndView reorder(@PathVariable String meetingId, @RequestParam(required = false) String[] itemIds,
                         @RequestParam(required = false) String form, Principal clerk, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        String name = form != null && MOVE_FORM.matcher(form).matches() ? form : "order";
        return act(meetingId, name, () -> new ReorderAgenda(RecordIds.meeting(meetingId),
                ConsoleForms.values(itemIds), occurrence.resolve(null)), clerk, model, request, response);
    }

    @PostMapping("/agenda/publish")
    ModelAndView publish(@PathVariable String meetingId, Principal clerk, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        return act(meetingId, "publish", () -> new PublishAgenda(RecordIds.meeting(meetingId),
                occurrence.resolve(null)), clerk, model, request, response);
    }

    /**
     * The minutes as the clerk read them (text and SHA-256, carried in the form) and the approving motion, as
     * POST /api/meetings/{id}/minutes/approval takes them. Browsers send a form's line breaks as CRLF; the text
     * read had LF, so CRLF is turned back into LF before the hash is checked.
     */
    @PostMapping("/minutes/approval")
    ModelAndView approveMinutes(@PathVariable String meetingId, @RequestParam(required = false) String text,
                                @RequestParam(required = false) String sha256,
                                @RequestParam(required = false) String approvingMeetingId,
                                @RequestParam(required = false) String motionId, Principal clerk, Model model,
                                HttpServletRequest request, HttpServletResponse response) {
        return act(meetingId, "approve", () -> new ApproveMinutes(RecordIds.meeting(meetingId),
                asRead(text),
                ConsoleForms.required(sha256, "sha256").toLowerCase(Locale.ROOT),
                RecordIds.meeting(ConsoleForms.required(approvingMeetingId, "approvingMeetingId")),
                ConsoleForms.required(motionId, "motionId"), occurrence.resolve(null)),
                clerk, model, request, response);
    }

    private static String asRead(String text) {
        ConsoleForms.required(text, "text");
        return text.replace("\r\n", "\n");
    }

    private ModelAndView act(String meetingId, String form, Supplier<?> command, Principal clerk, Model model,
                             HttpServletRequest request, HttpServletResponse response) {
        ClerkActions.Done done = actions.record(command);
        if (done.refused()) {
            ConsoleViews.refused(model, form, done.refusal(), request, response);
            String approver = form.equals("approve") ? request.getParameter("approvingMeetingId") : null;
            return new ModelAndView(page(meetingId, 0, approver, clerk, model));
        }
        return new ModelAndView(ConsoleViews.seeOther("/console/meetings/" + meetingId, done.position()));
    }

    private String page(String meetingId, long after, String approverGiven, Principal clerk, Model model) {
        // Only a meeting id is read as the approving meeting; anything else is as if none was chosen.
        String approver = approverGiven != null && UUID_SHAPE.matcher(approverGiven).matches() ? approverGiven : null;
        MeetingReads.Meeting meeting = reads.meeting(meetingId, after);
        MeetingReads.Minutes minutes = reads.minutes(meetingId, after);
        model.addAttribute("clerk", clerk.getName());
        model.addAttribute("sections", ConsoleController.SECTIONS);
        model.addAttribute("meeting", meeting);
        model.addAttribute("files", reads.files());
        model.addAttribute("minutes", minutes);
        if (!minutes.approved() && "ADJOURNED".equals(meeting.status())) {
            model.addAttribute("approvers", reads.approvers(meetingId));
            model.addAttribute("approver", approver);
            model.addAttribute("motions", approver == null ? null : reads.adoptedMotions(approver));
        }
        Object refused = model.getAttribute(ConsoleViews.REFUSED_FORM);
        model.addAttribute("refusalAbove", refused != null && !shownForms(meeting, minutes, approver)
                .contains(refused.toString()));
        return "console/meeting";
    }

    /**
     * The forms the screen shows for the meeting as it now stands. A refusal of any other (the meeting was
     * cancelled, adjourned or changed in another tab meanwhile) is shown at the top of the screen instead.
     */
    private static Set<String> shownForms(MeetingReads.Meeting meeting, MeetingReads.Minutes minutes,
                                          String approver) {
        Set<String> forms = new HashSet<>();
        if (meeting.scheduled()) {
            forms.addAll(List.of("reschedule", "cancel"));
        }
        if (meeting.agendaOpen()) {
            forms.addAll(List.of("addItem", "publish"));
            if (!meeting.draft().isEmpty()) {
                forms.add("order");
            }
            for (MeetingReads.Item item : meeting.draft()) {
                forms.add("remove-" + item.itemId());
                if (!item.up().isEmpty()) {
                    forms.add("up-" + item.itemId());
                }
                if (!item.down().isEmpty()) {
                    forms.add("down-" + item.itemId());
                }
            }
        }
        if (!minutes.approved() && "ADJOURNED".equals(meeting.status()) && approver != null) {
            forms.add("approve");
        }
        return forms;
    }
}
