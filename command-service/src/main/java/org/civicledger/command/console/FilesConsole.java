package org.civicledger.command.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.civicledger.command.console.ClerkActions.Done;
import org.civicledger.command.file.AddCosponsor;
import org.civicledger.command.file.IntroduceFile;
import org.civicledger.command.file.ProposeAmendment;
import org.civicledger.command.file.ReferFile;
import org.civicledger.command.file.WithdrawCosponsor;
import org.civicledger.command.web.Occurrence;
import org.civicledger.events.file.FileType;
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
 * The files screens: the list and introducing a file (/console/files), and one file's cosponsors, referral and
 * amendments (/console/files/{fileId}). Each form becomes the command the clerk API's FileController sends.
 */
@Controller
@RequestMapping("/console/files")
class FilesConsole {

    /** Rules that refuse a command as a whole but are about one control on the form. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("occurred-at-in-future", "occurredAt"), Map.entry("person-not-registered", "person"),
            Map.entry("sponsor-cannot-cosponsor", "person"), Map.entry("already-cosponsor", "person"),
            Map.entry("not-a-cosponsor", "person"), Map.entry("body-not-registered", "body"),
            Map.entry("already-referred", "body"), Map.entry("amendment-not-pending", "amends"),
            Map.entry("third-degree-amendment", "amends"));
    /** The same rules on the introduce and amend forms, whose person is named otherwise. */
    private static final Map<String, Map<String, String>> FORM_FIELDS = Map.of(
            "introduce", Map.of("person-not-registered", "sponsor", "occurred-at-in-future", "occurredAt"),
            "amend", Map.of("person-not-registered", "proposedBy", "occurred-at-in-future", "occurredAt",
                    "amendment-not-pending", "amends", "third-degree-amendment", "amends"));

    private final PublicRecord record;
    private final ClerkActions actions;
    private final Occurrence occurrence;
    private final ZoneId city;

    FilesConsole(PublicRecord record, ClerkActions actions, Occurrence occurrence,
                 @Value("${civic.time-zone}") ZoneId city) {
        this.record = record;
        this.actions = actions;
        this.occurrence = occurrence;
        this.city = city;
    }

    @GetMapping
    String files(@RequestParam(required = false) Long after, Principal clerk, Model model) {
        long at = after == null ? 0 : after;
        Screens.shell(clerk, city, model);
        List<RosterViews.Person> people = RosterViews.people(record.read(at, "/api/people"));
        model.addAttribute("files", FileViews.list(record.read(at, "/api/files"), city));
        model.addAttribute("people", people);
        model.addAttribute("names", RosterViews.names(people));
        model.addAttribute("types", FileType.values());
        return "console/files";
    }

    @PostMapping
    ModelAndView introduce(@RequestParam(required = false) String type, @RequestParam(required = false) String title,
                           @RequestParam(required = false) String text,
                           @RequestParam(required = false) String sponsor,
                           @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                           HttpServletRequest request, HttpServletResponse response) {
        String fileId = UUID.randomUUID().toString();
        Done done = actions.record(() -> new IntroduceFile(fileId,
                ConsoleForms.choice(type, FileType.class, null, "type"),
                ConsoleForms.required(title, "title", 500), body(text, "text"),
                ConsoleForms.required(sponsor, "sponsor", 100), when(occurredAt)));
        if (!done.refused()) {
            return new ModelAndView(ConsoleViews.seeOther("/console/files/" + fileId, done.position()));
        }
        Screens.refused(model, "introduce", done, FORM_FIELDS.get("introduce"), request, response);
        return new ModelAndView(files(null, clerk, model));
    }

    @GetMapping("/{fileId}")
    String file(@PathVariable String fileId, @RequestParam(required = false) Long after, Principal clerk,
                Model model) {
        long at = after == null ? 0 : after;
        String id = uuid(fileId);
        Screens.shell(clerk, city, model);
        List<RosterViews.Person> people = RosterViews.people(record.read(at, "/api/people"));
        List<RosterViews.BodySummary> bodies = RosterViews.bodies(record.read(at, "/api/bodies"));
        Map<String, String> bodyNames = new LinkedHashMap<>();
        bodies.forEach(b -> bodyNames.put(b.id(), b.name()));
        model.addAttribute("file", FileViews.file(record.read(at, "/api/files/{id}", id),
                record.read(at, "/api/files/{id}/history", id), bodyNames, city));
        model.addAttribute("people", people);
        model.addAttribute("names", RosterViews.names(people));
        model.addAttribute("bodies", bodies);
        return "console/file";
    }

    @PostMapping("/{fileId}/cosponsors")
    ModelAndView addCosponsor(@PathVariable String fileId, @RequestParam(required = false) String person,
                              @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                              HttpServletRequest request, HttpServletResponse response) {
        return onFile(fileId, "cosponsor", () -> new AddCosponsor(uuid(fileId),
                ConsoleForms.required(person, "person", 100), when(occurredAt)), clerk, model, request, response);
    }

    @PostMapping("/{fileId}/cosponsors/withdrawals")
    ModelAndView withdrawCosponsor(@PathVariable String fileId, @RequestParam(required = false) String person,
                                   @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                                   HttpServletRequest request, HttpServletResponse response) {
        return onFile(fileId, "withdraw", () -> new WithdrawCosponsor(uuid(fileId),
                ConsoleForms.required(person, "person", 100), when(occurredAt)), clerk, model, request, response);
    }

    @PostMapping("/{fileId}/referrals")
    ModelAndView refer(@PathVariable String fileId, @RequestParam(required = false) String body,
                       @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        return onFile(fileId, "refer", () -> new ReferFile(uuid(fileId), ConsoleForms.required(body, "body", 100),
                when(occurredAt)), clerk, model, request, response);
    }

    @PostMapping("/{fileId}/amendments")
    ModelAndView propose(@PathVariable String fileId, @RequestParam(required = false) String text,
                         @RequestParam(required = false) String proposedBy,
                         @RequestParam(required = false) String amends,
                         @RequestParam(required = false) String occurredAt, Principal clerk, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        String amendmentId = UUID.randomUUID().toString();
        return onFile(fileId, "amend", () -> new ProposeAmendment(uuid(fileId), amendmentId, body(text, "text"),
                ConsoleForms.required(proposedBy, "proposedBy", 100),
                ConsoleForms.withinLength(ConsoleForms.text(amends), "amends", 100), when(occurredAt)),
                clerk, model, request, response);
    }

    private ModelAndView onFile(String fileId, String form, Supplier<?> command, Principal clerk, Model model,
                                HttpServletRequest request, HttpServletResponse response) {
        Done done = actions.record(command);
        if (!done.refused()) {
            return new ModelAndView(ConsoleViews.seeOther("/console/files/" + uuid(fileId), done.position()));
        }
        Screens.refused(model, form, done, FORM_FIELDS.getOrDefault(form, FIELDS), request, response);
        return new ModelAndView(file(fileId, null, clerk, model));
    }

    /** A file's text as given (its line breaks are the record's), required and at most 200,000 characters. */
    private static String body(String text, String field) {
        ConsoleForms.required(text, field, 200_000);
        return text.replace("\r\n", "\n");
    }

    /** Files have UUIDs: anything else names no file (404), and never reaches the public record's URL. */
    private static String uuid(String fileId) {
        try {
            return UUID.fromString(fileId).toString();
        } catch (IllegalArgumentException e) {
            throw new PublicRecord.Missing("/api/files/" + fileId);
        }
    }

    private Instant when(String occurredAt) {
        return occurrence.resolve(ConsoleForms.at(occurredAt, city, "occurredAt"));
    }
}
