package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.civicledger.command.console.ClerkActions.Done;
import org.civicledger.command.roster.AssignSeat;
import org.civicledger.command.roster.BodyId;
import org.civicledger.command.roster.CreateBody;
import org.civicledger.command.roster.RegisterPerson;
import org.civicledger.command.roster.SetQuorumRule;
import org.civicledger.command.roster.SetVoteThreshold;
import org.civicledger.command.web.Occurrence;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.SeatRole;
import org.civicledger.events.roster.VoteThreshold;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The roster screens: people and bodies (/console/roster), and one body's seats and rules
 * (/console/roster/bodies/{bodyId}). Each form becomes the command the clerk API's RosterController sends.
 */
@Controller
@RequestMapping("/console/roster")
class RosterConsole {

    /** Rules that refuse a command as a whole but are about one control on the form. */
    private static final Map<String, String> FIELDS = Map.of(
            "person-already-registered", "personId", "body-already-exists", "bodyId",
            "occurred-at-in-future", "occurredAt", "person-not-registered", "personId",
            "seat-already-held", "personId", "role-already-filled", "role",
            "seat-ends-before-it-starts", "to", "body-needs-seats", "seats",
            "quorum-rule-unchanged", "quorum", "threshold-unchanged", "threshold");

    private final PublicRecord record;
    private final ClerkActions actions;
    private final Occurrence occurrence;
    private final ZoneId city;

    RosterConsole(PublicRecord record, ClerkActions actions, Occurrence occurrence,
                  @Value("${civic.time-zone}") ZoneId city) {
        this.record = record;
        this.actions = actions;
        this.occurrence = occurrence;
        this.city = city;
    }

    @GetMapping
    String roster(@RequestParam(required = false) Long after, Principal clerk, Model model) {
        long at = after == null ? 0 : after;
        Screens.shell(clerk, city, model);
        model.addAttribute("people", RosterViews.people(record.read(at, "/api/people")));
        model.addAttribute("bodies", RosterViews.bodies(record.read(at, "/api/bodies")));
        model.addAttribute("kinds", BodyKind.values());
        return "console/roster";
    }

    @PostMapping("/people")
    ModelAndView registerPerson(@RequestParam(required = false) String personId,
                                @RequestParam(required = false) String name,
                                @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                                HttpServletRequest request, HttpServletResponse response) {
        Done done = actions.record(() -> new RegisterPerson(ConsoleForms.slug(personId, "personId"),
                ConsoleForms.required(name, "name", 200), when(occurredAt)));
        if (!done.refused()) {
            return new ModelAndView(ConsoleViews.seeOther("/console/roster", done.position()));
        }
        refused(model, "person", done, request, response);
        return new ModelAndView(roster(null, clerk, model));
    }

    @PostMapping("/bodies")
    ModelAndView createBody(@RequestParam(required = false) String bodyId,
                            @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                            @RequestParam(required = false) String seats,
                            @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        Done done = actions.record(() -> new CreateBody(ConsoleForms.slug(bodyId, "bodyId"),
                ConsoleForms.required(name, "name", 200),
                ConsoleForms.choice(kind, BodyKind.class, BodyKind.COUNCIL, "kind"),
                ConsoleForms.number(seats, 1, 1000, "seats"), when(occurredAt)));
        if (!done.refused()) {
            return new ModelAndView(ConsoleViews.seeOther("/console/roster/bodies/" + bodyId.strip(), done.position()));
        }
        refused(model, "body", done, request, response);
        return new ModelAndView(roster(null, clerk, model));
    }

    @GetMapping("/bodies/{bodyId}")
    String body(@PathVariable String bodyId, @RequestParam(required = false) Long after, Principal clerk,
                Model model) {
        long at = after == null ? 0 : after;
        Screens.shell(clerk, city, model);
        List<RosterViews.Person> people = RosterViews.people(record.read(at, "/api/people"));
        model.addAttribute("people", people);
        model.addAttribute("body", RosterViews.body(record.read(at, "/api/bodies/{id}", bodyId),
                RosterViews.names(people), LocalDate.now(city)));
        model.addAttribute("roles", SeatRole.values());
        model.addAttribute("quorumRules", QuorumRule.values());
        model.addAttribute("motions", MotionKind.values());
        model.addAttribute("thresholds", VoteThreshold.values());
        return "console/body";
    }

    @PostMapping("/bodies/{bodyId}/seats")
    ModelAndView assignSeat(@PathVariable String bodyId, @RequestParam(required = false) String personId,
                            @RequestParam(required = false) String role, @RequestParam(required = false) String from,
                            @RequestParam(required = false) String to,
                            @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        return onBody(bodyId, "seat", () -> new AssignSeat(new BodyId(bodyId), ConsoleForms.slug(personId, "personId"),
                ConsoleForms.choice(role, SeatRole.class, SeatRole.MEMBER, "role"),
                ConsoleForms.date(from, true, "from"),
                ConsoleForms.date(to, false, "to"), when(occurredAt)), clerk, model, request, response);
    }

    @PostMapping("/bodies/{bodyId}/quorum")
    ModelAndView setQuorum(@PathVariable String bodyId, @RequestParam(required = false) String quorum,
                           @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        return onBody(bodyId, "quorum", () -> new SetQuorumRule(new BodyId(bodyId),
                ConsoleForms.choice(quorum, QuorumRule.class, null, "quorum"), when(occurredAt)),
                clerk, model, request, response);
    }

    @PostMapping("/bodies/{bodyId}/thresholds")
    ModelAndView setThreshold(@PathVariable String bodyId, @RequestParam(required = false) String motion,
                              @RequestParam(required = false) String threshold,
                              @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                              HttpServletRequest request, HttpServletResponse response) {
        return onBody(bodyId, "threshold", () -> new SetVoteThreshold(new BodyId(bodyId),
                ConsoleForms.choice(motion, MotionKind.class, null, "motion"),
                ConsoleForms.choice(threshold, VoteThreshold.class, null, "threshold"), when(occurredAt)),
                clerk, model, request, response);
    }

    private ModelAndView onBody(String bodyId, String form, Supplier<?> command, Principal clerk, Model model,
                                HttpServletRequest request, HttpServletResponse response) {
        Done done = actions.record(command);
        if (!done.refused()) {
            return new ModelAndView(ConsoleViews.seeOther("/console/roster/bodies/" + bodyId, done.position()));
        }
        refused(model, form, done, request, response);
        return new ModelAndView(body(bodyId, null, clerk, model));
    }

    private Instant when(String occurredAt) {
        return occurrence.resolve(ConsoleForms.at(occurredAt, city, "occurredAt"));
    }

    private static void refused(Model model, String form, Done done, HttpServletRequest request,
                                HttpServletResponse response) {
        Screens.refused(model, form, done, FIELDS, request, response);
    }
}
