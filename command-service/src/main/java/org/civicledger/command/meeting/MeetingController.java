package org.civicledger.command.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.civicledger.command.ledger.Ledger;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.meeting.MeetingCommands.AddAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.AdjournMeeting;
import org.civicledger.command.meeting.MeetingCommands.ApproveMinutes;
import org.civicledger.command.meeting.MeetingCommands.CallToOrder;
import org.civicledger.command.meeting.MeetingCommands.CancelMeeting;
import org.civicledger.command.meeting.MeetingCommands.MakeMotion;
import org.civicledger.command.meeting.MeetingCommands.PublishAgenda;
import org.civicledger.command.meeting.MeetingCommands.RecordArrival;
import org.civicledger.command.meeting.MeetingCommands.RecordDeparture;
import org.civicledger.command.meeting.MeetingCommands.RecordVote;
import org.civicledger.command.meeting.MeetingCommands.RemoveAgendaItem;
import org.civicledger.command.meeting.MeetingCommands.ReorderAgenda;
import org.civicledger.command.meeting.MeetingCommands.RescheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.ScheduleMeeting;
import org.civicledger.command.meeting.MeetingCommands.TakeRollCall;
import org.civicledger.command.web.Occurrence;
import org.civicledger.command.web.RecordIds;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteRecorded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final Ledger ledger;
    private final Occurrence occurrence;
    private final String cityZone;

    MeetingController(Ledger ledger, Occurrence occurrence, @Value("${civic.time-zone}") String cityZone) {
        this.ledger = ledger;
        this.occurrence = occurrence;
        this.cityZone = cityZone;
    }

    /** Timestamps of what happens at the meeting; optional everywhere (default now). */
    record When(Instant occurredAt) {
    }

    record ScheduleRequest(@NotBlank String body, @NotNull OffsetDateTime startsAt,
                           @NotBlank @Size(max = 500) String location, String timeZone, Instant occurredAt) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> schedule(@Valid @RequestBody ScheduleRequest request) {
        String meetingId = UUID.randomUUID().toString();
        var outcome = ledger.record(new ScheduleMeeting(meetingId, request.body(), request.startsAt(),
                zone(request.timeZone()), request.location().strip(), occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId))
                .body(Map.of("meetingId", meetingId, "position", outcome.position()));
    }

    private String zone(String given) {
        try {
            return ZoneId.of(given == null ? cityZone : given).getId();
        } catch (DateTimeException e) {
            throw RuleViolation.unprocessable("unknown-time-zone", "'" + given + "' is not a time zone "
                    + "(use a region such as America/Chicago).");
        }
    }

    record RescheduleRequest(@NotNull OffsetDateTime startsAt, @Size(max = 500) String location,
                             Instant occurredAt) {
    }

    @PostMapping("/{meetingId}/reschedule")
    Map<String, Object> reschedule(@PathVariable String meetingId, @Valid @RequestBody RescheduleRequest request) {
        return position(new RescheduleMeeting(RecordIds.meeting(meetingId), request.startsAt(), request.location(),
                occurrence.resolve(request.occurredAt())));
    }

    record CancelRequest(@NotBlank @Size(max = 2000) String reason, Instant occurredAt) {
    }

    @PostMapping("/{meetingId}/cancel")
    Map<String, Object> cancel(@PathVariable String meetingId, @Valid @RequestBody CancelRequest request) {
        return position(new CancelMeeting(RecordIds.meeting(meetingId), request.reason().strip(),
                occurrence.resolve(request.occurredAt())));
    }

    record ItemRequest(String fileId, @Size(max = 500) String title, Boolean consent, Instant occurredAt) {
    }

    @PostMapping("/{meetingId}/agenda/items")
    ResponseEntity<Map<String, Object>> addItem(@PathVariable String meetingId,
                                                @Valid @RequestBody ItemRequest request) {
        String itemId = UUID.randomUUID().toString();
        String title = request.title() == null || request.title().isBlank() ? null : request.title().strip();
        var outcome = ledger.record(new AddAgendaItem(RecordIds.meeting(meetingId), itemId, request.fileId(), title,
                Boolean.TRUE.equals(request.consent()), occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId))
                .body(Map.of("itemId", itemId, "position", outcome.position()));
    }

    @DeleteMapping("/{meetingId}/agenda/items/{itemId}")
    Map<String, Object> removeItem(@PathVariable String meetingId, @PathVariable String itemId,
                                   @RequestParam(required = false) Instant occurredAt) {
        return position(new RemoveAgendaItem(RecordIds.meeting(meetingId), itemId, occurrence.resolve(occurredAt)));
    }

    record OrderRequest(@NotNull List<@NotBlank String> itemIds, Instant occurredAt) {
    }

    @PutMapping("/{meetingId}/agenda/order")
    Map<String, Object> reorder(@PathVariable String meetingId, @Valid @RequestBody OrderRequest request) {
        return position(new ReorderAgenda(RecordIds.meeting(meetingId), request.itemIds(),
                occurrence.resolve(request.occurredAt())));
    }

    @PostMapping("/{meetingId}/agenda/publish")
    Map<String, Object> publish(@PathVariable String meetingId, @RequestBody(required = false) When when) {
        Ledger.Outcome<Integer> outcome = ledger.record(new PublishAgenda(RecordIds.meeting(meetingId), at(when)));
        return Map.of("version", outcome.result(), "position", outcome.position());
    }

    @PostMapping("/{meetingId}/call-to-order")
    Map<String, Object> callToOrder(@PathVariable String meetingId, @RequestBody(required = false) When when) {
        return position(new CallToOrder(RecordIds.meeting(meetingId), at(when)));
    }

    record RollCallRequest(List<@NotBlank String> present, List<@NotBlank String> absent,
                           List<@NotBlank String> excused, Instant occurredAt) {
    }

    @PostMapping("/{meetingId}/roll-call")
    Map<String, Object> rollCall(@PathVariable String meetingId, @Valid @RequestBody RollCallRequest request) {
        return position(new TakeRollCall(RecordIds.meeting(meetingId), orEmpty(request.present()),
                orEmpty(request.absent()), orEmpty(request.excused()), occurrence.resolve(request.occurredAt())));
    }

    record PersonRequest(@NotBlank String person, Instant occurredAt) {
    }

    @PostMapping("/{meetingId}/arrivals")
    Map<String, Object> arrival(@PathVariable String meetingId, @Valid @RequestBody PersonRequest request) {
        return position(new RecordArrival(RecordIds.meeting(meetingId), request.person(),
                occurrence.resolve(request.occurredAt())));
    }

    @PostMapping("/{meetingId}/departures")
    Map<String, Object> departure(@PathVariable String meetingId, @Valid @RequestBody PersonRequest request) {
        return position(new RecordDeparture(RecordIds.meeting(meetingId), request.person(),
                occurrence.resolve(request.occurredAt())));
    }

    record MotionRequest(@NotBlank String itemId, @NotNull MotionKind kind, @NotBlank String mover,
                         @NotBlank String seconder, String body, String amendmentId, Instant occurredAt) {
    }

    @PostMapping("/{meetingId}/motions")
    ResponseEntity<Map<String, Object>> makeMotion(@PathVariable String meetingId,
                                                   @Valid @RequestBody MotionRequest request) {
        String motionId = UUID.randomUUID().toString();
        var outcome = ledger.record(new MakeMotion(RecordIds.meeting(meetingId), motionId, request.itemId(),
                request.kind(), request.mover(), request.seconder(), blankToNull(request.body()),
                blankToNull(request.amendmentId()), occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId + "/motions/" + motionId))
                .body(Map.of("motionId", motionId, "position", outcome.position()));
    }

    record VoteRequest(Map<String, VoteChoice> roll, VoteRecorded.Result voice, Instant occurredAt) {
    }

    /** Answers the result with the rule that applied and the tally, so the arithmetic can be checked at once. */
    @PostMapping("/{meetingId}/motions/{motionId}/vote")
    VoteAnswer vote(@PathVariable String meetingId, @PathVariable String motionId,
                    @RequestBody VoteRequest request) {
        Ledger.Outcome<VoteRecorded> outcome = ledger.record(new RecordVote(RecordIds.meeting(meetingId),
                motionId, request.roll(), request.voice(), occurrence.resolve(request.occurredAt())));
        VoteRecorded vote = outcome.result();
        return new VoteAnswer(vote.result(), vote.threshold(), vote.tally(), vote.needed(), vote.present(),
                vote.seats(), outcome.position(), outcome.eventIds().get(VoteRecorded.class.getSimpleName()));
    }

    record ApprovalRequest(@NotBlank String text, @NotBlank String sha256, @NotBlank String approvingMeetingId,
                           @NotBlank String motionId, Instant occurredAt) {
    }

    /** The clerk submits the minutes as read (text and SHA-256 from the public minutes) and the approving motion. */
    @PostMapping("/{meetingId}/minutes/approval")
    ResponseEntity<Map<String, Object>> approveMinutes(@PathVariable String meetingId,
                                                       @Valid @RequestBody ApprovalRequest request) {
        var outcome = ledger.record(new ApproveMinutes(RecordIds.meeting(meetingId), request.text(),
                request.sha256().toLowerCase(Locale.ROOT), RecordIds.meeting(request.approvingMeetingId()),
                request.motionId(), occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/meetings/" + meetingId + "/minutes"))
                .body(Map.of("position", outcome.position()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @PostMapping("/{meetingId}/adjourn")
    Map<String, Object> adjourn(@PathVariable String meetingId, @RequestBody(required = false) When when) {
        return position(new AdjournMeeting(RecordIds.meeting(meetingId), at(when)));
    }

    private Instant at(When when) {
        return occurrence.resolve(when == null ? null : when.occurredAt());
    }

    private Map<String, Object> position(Object command) {
        return Map.of("position", ledger.record(command).position());
    }

    private static List<String> orEmpty(List<String> people) {
        return people == null ? List.of() : people;
    }
}
