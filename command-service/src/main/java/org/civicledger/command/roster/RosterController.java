package org.civicledger.command.roster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.civicledger.command.ledger.Ledger;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.web.Occurrence;
import org.civicledger.events.roster.BodyKind;
import org.civicledger.events.meeting.MotionKind;
import org.civicledger.events.roster.QuorumRule;
import org.civicledger.events.roster.VoteThreshold;
import org.civicledger.events.roster.SeatRole;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class RosterController {

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private final Ledger ledger;
    private final Occurrence occurrence;

    RosterController(Ledger ledger, Occurrence occurrence) {
        this.ledger = ledger;
        this.occurrence = occurrence;
    }

    record RegisterPersonRequest(@NotNull @Pattern(regexp = SLUG) @Size(max = 100) String id,
                                 @NotBlank @Size(max = 200) String name, Instant occurredAt) {
    }

    @PostMapping("/people")
    ResponseEntity<Map<String, Object>> registerPerson(@Valid @RequestBody RegisterPersonRequest request) {
        var outcome = ledger.record(
                new RegisterPerson(request.id(), request.name().strip(), occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/people/" + request.id()))
                .body(Map.of("personId", request.id(), "position", outcome.position()));
    }

    record CreateBodyRequest(@NotNull @Pattern(regexp = SLUG) @Size(max = 100) String id,
                             @NotBlank @Size(max = 200) String name, BodyKind kind,
                             @NotNull @Min(1) @Max(1000) Integer seats, Instant occurredAt) {
    }

    @PostMapping("/bodies")
    ResponseEntity<Map<String, Object>> createBody(@Valid @RequestBody CreateBodyRequest request) {
        BodyKind kind = request.kind() == null ? BodyKind.COUNCIL : request.kind();
        var outcome = ledger.record(new CreateBody(request.id(), request.name().strip(), kind, request.seats(),
                occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/bodies/" + request.id()))
                .body(Map.of("bodyId", request.id(), "position", outcome.position()));
    }

    /**
     * One rule per request: {@code {"quorum": …}} for the body's quorum, or {@code {"motion": …, "threshold": …}}
     * for the ayes a kind of motion needs.
     */
    record RulesRequest(QuorumRule quorum, MotionKind motion, VoteThreshold threshold, Instant occurredAt) {
    }

    @PostMapping("/bodies/{bodyId}/rules")
    Map<String, Object> setRules(@PathVariable String bodyId, @RequestBody RulesRequest request) {
        boolean quorum = request.quorum() != null;
        boolean threshold = request.motion() != null && request.threshold() != null;
        if (quorum == threshold || (!threshold && (request.motion() != null || request.threshold() != null))) {
            throw RuleViolation.badRequest("one-rule-per-request",
                    "Send either {\"quorum\"} or {\"motion\", \"threshold\"}.");
        }
        Instant at = occurrence.resolve(request.occurredAt());
        BodyId body = new BodyId(bodyId);
        var outcome = ledger.record(quorum ? new SetQuorumRule(body, request.quorum(), at)
                : new SetVoteThreshold(body, request.motion(), request.threshold(), at));
        return Map.of("position", outcome.position());
    }

    record AssignSeatRequest(@NotNull @Pattern(regexp = SLUG) String person, @NotNull LocalDate from,
                             LocalDate to, SeatRole role, Instant occurredAt) {
    }

    @PostMapping("/bodies/{bodyId}/seats")
    ResponseEntity<Map<String, Object>> assignSeat(@PathVariable String bodyId,
                                                   @Valid @RequestBody AssignSeatRequest request) {
        SeatRole role = request.role() == null ? SeatRole.MEMBER : request.role();
        var outcome = ledger.record(new AssignSeat(new BodyId(bodyId), request.person(), role, request.from(),
                request.to(), occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/bodies/" + bodyId))
                .body(Map.of("position", outcome.position()));
    }
}
