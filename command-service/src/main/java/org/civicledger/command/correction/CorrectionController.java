package org.civicledger.command.correction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.command.ledger.Ledger;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.VoteAnswer;
import org.civicledger.command.web.Occurrence;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A correction names the event it corrects and says why; it is a new event, never an edit. Today a recorded
 * roll-call vote (or its latest correction) can be corrected, with the whole corrected roll.
 */
@RestController
class CorrectionController {

    private static final List<String> CORRECTABLE = List.of(VoteRecorded.class.getName(),
            VoteCorrected.class.getName());

    private final Ledger ledger;
    private final Occurrence occurrence;
    private final JdbcTemplate jdbc;

    CorrectionController(Ledger ledger, Occurrence occurrence, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.occurrence = occurrence;
        this.jdbc = jdbc;
    }

    record CorrectionRequest(@NotBlank String eventId, @NotBlank @Size(max = 2000) String reason,
                             @NotEmpty Map<String, VoteChoice> roll, Instant occurredAt) {
    }

    @PostMapping("/api/corrections")
    VoteAnswer correct(@Valid @RequestBody CorrectionRequest request) {
        Map<String, Object> corrected = jdbc.queryForList("""
                SELECT aggregate_identifier, payload_type FROM domain_event_entry WHERE event_identifier = ?""",
                request.eventId()).stream().findFirst().orElseThrow(() -> RuleViolation.notFound("event-not-found",
                "There is no event '" + request.eventId() + "' in the record."));
        if (!CORRECTABLE.contains((String) corrected.get("payload_type"))) {
            throw RuleViolation.unprocessable("not-correctable-yet", "Only recorded roll-call votes can be "
                    + "corrected so far; '" + request.eventId() + "' is a " + corrected.get("payload_type") + ".");
        }
        Ledger.Outcome<VoteCorrected> outcome = ledger.record(new CorrectVote(
                (String) corrected.get("aggregate_identifier"), request.eventId(), request.reason().strip(),
                request.roll(), occurrence.resolve(request.occurredAt())));
        VoteCorrected correction = outcome.result();
        return new VoteAnswer(correction.result(), correction.threshold(), correction.tally(), correction.needed(),
                correction.present(), correction.seats(), outcome.position(),
                outcome.eventIds().get(VoteCorrected.class.getSimpleName()));
    }
}
