package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.civicledger.command.file.ProposeAmendment;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.meeting.MeetingCommands.AdjournMeeting;
import org.civicledger.command.meeting.MeetingCommands.CallToOrder;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.MeetingCommands.MakeMotion;
import org.civicledger.command.meeting.MeetingCommands.RecordArrival;
import org.civicledger.command.meeting.MeetingCommands.RecordDeparture;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.command.web.Occurrence;
import org.civicledger.command.web.RecordIds;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The live meeting screen: one page from the call to order to adjournment. Each button is one command through the
 * {@link ClerkActions}; the page then shows the public record as it stands with that action in it.
 */
@Controller
@RequestMapping("/console/meetings/{meetingId}/live")
class LiveMeeting {

    private static final Set<String> ATTENDANCE = Set.of("PRESENT", "ABSENT", "EXCUSED");
    private static final Set<String> PRESETS = Set.of("AYE", "NO");

    private final PublicRecord record;
    private final ClerkActions actions;
    private final Occurrence occurrence;
    private final ZoneId city;

    LiveMeeting(PublicRecord record, ClerkActions actions, Occurrence occurrence,
                @Value("${civic.time-zone}") String city) {
        this.record = record;
        this.actions = actions;
        this.occurrence = occurrence;
        this.city = ZoneId.of(city);
    }

    /** The post's context, made before each handler (from the path, the parameters and the signed-in clerk). */
    @ModelAttribute("screen")
    Screen screen(@PathVariable String meetingId, HttpServletRequest request, HttpServletResponse response,
                  Principal clerk, Model model) {
        return new Screen(RecordIds.meeting(meetingId), request, response, clerk, model);
    }

    /** {@code preset}: AYE or NO fills the vote grid (the "all aye" shortcut without JavaScript). */
    @GetMapping
    String show(@PathVariable String meetingId, @RequestParam(defaultValue = "0") long after,
                @RequestParam(required = false) String item, @RequestParam(required = false) String preset,
                Principal clerk, Model model) {
        String id = RecordIds.meeting(meetingId);
        LiveMeetingView view = LiveMeetingView.of(record, Math.max(0, after), id, item, city);
        model.addAttribute("live", view);
        model.addAttribute("meetingId", id);
        model.addAttribute("preset", preset != null && PRESETS.contains(preset) ? preset : null);
        model.addAttribute("choices", List.of(VoteChoice.AYE, VoteChoice.NO, VoteChoice.ABSTAIN, VoteChoice.RECUSED));
        model.addAttribute("zone", city);
        model.addAttribute("clerk", clerk.getName());
        model.addAttribute("sections", ConsoleController.SECTIONS);
        if (!model.containsAttribute(ConsoleViews.INPUT)) {
            model.addAttribute(ConsoleViews.INPUT, new ConsoleViews.Input("", Map.of()));
        }
        return "console/live";
    }

    @PostMapping("/call-to-order")
    ModelAndView callToOrder(@PathVariable String meetingId, @RequestParam(required = false) String at,
                       @ModelAttribute(binding = false) Screen screen) {
        return screen.act("call-to-order", () -> new CallToOrder(RecordIds.meeting(meetingId), when(at)));
    }

    /** The grid as posted ({@code status.<person>} each); the meeting decides whether it names every seated member. */
    @PostMapping("/roll-call")
    ModelAndView rollCall(@PathVariable String meetingId, @RequestParam(required = false) String at,
                          @ModelAttribute(binding = false) Screen screen) {
        return screen.act("roll-call", () -> {
            Map<String, List<String>> roll = new LinkedHashMap<>();
            ATTENDANCE.forEach(s -> roll.put(s, new ArrayList<>()));
            screen.grid("status.").forEach((person, status) -> {
                if (!ATTENDANCE.contains(status)) {
                    throw RuleViolation.badField(ConsoleForms.INVALID, "status." + person, "The request has invalid"
                            + " or missing fields: [status." + person + " has no choice '" + status + "']");
                }
                roll.get(status).add(person);
            });
            return new TakeRollCall(RecordIds.meeting(meetingId), roll.get("PRESENT"), roll.get("ABSENT"),
                    roll.get("EXCUSED"), when(at));
        });
    }

    @PostMapping("/arrivals")
    ModelAndView arrival(@PathVariable String meetingId, @RequestParam(required = false) String person,
                   @RequestParam(required = false) String at, @ModelAttribute(binding = false) Screen screen) {
        return screen.act("attendance", () -> new RecordArrival(RecordIds.meeting(meetingId),
                ConsoleForms.required(person, "person"), when(at)));
    }

    @PostMapping("/departures")
    ModelAndView departure(@PathVariable String meetingId, @RequestParam(required = false) String person,
                     @RequestParam(required = false) String at, @ModelAttribute(binding = false) Screen screen) {
        return screen.act("attendance", () -> new RecordDeparture(RecordIds.meeting(meetingId),
                ConsoleForms.required(person, "person"), when(at)));
    }

    @PostMapping("/motions")
    ModelAndView motion(@PathVariable String meetingId, @RequestParam(required = false) String item,
                  @RequestParam(required = false) String kind, @RequestParam(required = false) String mover,
                  @RequestParam(required = false) String seconder, @RequestParam(required = false) String amendment,
                  @RequestParam(required = false) String referTo, @RequestParam(required = false) String at,
                  @ModelAttribute(binding = false) Screen screen) {
        return screen.act("motion", () -> {
            MotionKind motion = ConsoleForms.choice(kind, MotionKind.class, null, "kind");
            return new MakeMotion(RecordIds.meeting(meetingId), UUID.randomUUID().toString(),
                    ConsoleForms.required(item, "item"), motion, ConsoleForms.required(mover, "mover"),
                    ConsoleForms.required(seconder, "seconder"),
                    motion == MotionKind.REFER ? ConsoleForms.text(referTo) : null,
                    motion == MotionKind.AMEND ? ConsoleForms.text(amendment) : null, when(at));
        });
    }

    @PostMapping("/amendments")
    ModelAndView amendment(@PathVariable String meetingId, @RequestParam(required = false) String file,
                     @RequestParam(required = false) String text, @RequestParam(required = false) String proposedBy,
                     @RequestParam(required = false) String amends, @RequestParam(required = false) String at,
                     @ModelAttribute(binding = false) Screen screen) {
        return screen.act("amendment", () -> new ProposeAmendment(
                RecordIds.file(ConsoleForms.required(file, "file")), UUID.randomUUID().toString(),
                ConsoleForms.required(text == null ? null : text.replace("\r\n", "\n"), "text"),
                ConsoleForms.required(proposedBy, "proposedBy"), ConsoleForms.text(amends), when(at)));
    }

    @PostMapping("/motions/{motionId}/vote")
    ModelAndView vote(@PathVariable String meetingId, @PathVariable String motionId,
                @RequestParam(required = false) String at, @ModelAttribute(binding = false) Screen screen) {
        return screen.act("vote", () -> new RecordVote(RecordIds.meeting(meetingId), motionId, screen.roll(),
                null, when(at)));
    }

    @PostMapping("/motions/{motionId}/voice")
    ModelAndView voice(@PathVariable String meetingId, @PathVariable String motionId,
                 @RequestParam(required = false) String result, @RequestParam(required = false) String at,
                 @ModelAttribute(binding = false) Screen screen) {
        return screen.act("vote", () -> new RecordVote(RecordIds.meeting(meetingId), motionId, null,
                ConsoleForms.choice(result, VoteRecorded.Result.class, null, "result"), when(at)));
    }

    /** {@code corrects}: the vote record the clerk saw (the meeting refuses it if it is no longer the current one). */
    @PostMapping("/motions/{motionId}/correction")
    ModelAndView correct(@PathVariable String meetingId, @PathVariable String motionId,
                         @RequestParam(required = false) String corrects, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String at, @ModelAttribute(binding = false) Screen screen) {
        return screen.act("correction-" + motionId, () -> new CorrectVote(RecordIds.meeting(meetingId),
                ConsoleForms.required(corrects, "corrects"), ConsoleForms.required(reason, "reason"), screen.roll(),
                when(at)));
    }

    @PostMapping("/adjourn")
    ModelAndView adjourn(@PathVariable String meetingId, @RequestParam(required = false) String at,
                         @ModelAttribute(binding = false) Screen screen) {
        return screen.act("adjourn", () -> new AdjournMeeting(RecordIds.meeting(meetingId), when(at)));
    }

    /** When the council acted: the form's city time, else now; never in the future. */
    private Instant when(String at) {
        return occurrence.resolve(ConsoleForms.at(at, city, "at"));
    }

    /** One post on the live screen: records the action and sees the clerk back to the screen, or shows the refusal. */
    final class Screen {

        private final String meetingId;
        private final String item;
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final Principal clerk;
        private final Model model;

        Screen(String meetingId, HttpServletRequest request, HttpServletResponse response, Principal clerk,
               Model model) {
            this.meetingId = meetingId;
            this.item = ConsoleForms.text(request.getParameter("item"));
            this.request = request;
            this.response = response;
            this.clerk = clerk;
            this.model = model;
        }

        ModelAndView act(String form, Supplier<?> command) {
            ClerkActions.Done done = actions.record(command);
            String back = "/console/meetings/" + meetingId + "/live" + (item == null ? "" : "?item=" + item);
            if (!done.refused()) {
                return new ModelAndView(ConsoleViews.seeOther(back, done.position()));
            }
            ConsoleViews.refused(model, form, done.refusal(), request, response);
            return new ModelAndView(show(meetingId, 0, item, null, clerk, model));
        }

        /** The vote grid as posted: {@code vote.<person>} = AYE, NO, ABSTAIN or RECUSED each. */
        Map<String, VoteChoice> roll() {
            Map<String, VoteChoice> roll = new LinkedHashMap<>();
            grid("vote.").forEach((person, choice) -> roll.put(person,
                    ConsoleForms.choice(choice, VoteChoice.class, null, "vote." + person)));
            return roll;
        }

        /** A grid's radio groups as posted, person → value, in order; who may be in the grid is the record's rule. */
        Map<String, String> grid(String prefix) {
            Map<String, String> grid = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> {
                if (name.startsWith(prefix) && name.length() > prefix.length() && values.length > 0) {
                    grid.put(name.substring(prefix.length()), values[0]);
                }
            });
            return grid;
        }
    }
}
