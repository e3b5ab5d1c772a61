package org.civicledger.command.correction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicledger.command.ledger.EventPositions;
import org.civicledger.command.ledger.EventPositions.StoredEvent;
import org.civicledger.command.ledger.Ledger;
import org.civicledger.command.ledger.RuleViolation;
import org.civicledger.command.meeting.MeetingCommands.CorrectVote;
import org.civicledger.command.meeting.VoteAnswer;
import org.civicledger.command.web.Occurrence;
import org.civicledger.events.EventTypes;
import org.civicledger.events.meeting.VoteChoice;
import org.civicledger.events.meeting.VoteCorrected;
import org.civicledger.events.meeting.VoteRecorded;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A correction names the event it corrects and says why; it is a new event, never an edit. Today a recorded
 * roll-call vote (or its latest correction) can be corrected, with the whole corrected roll.
 */
@RestController
class CorrectionController {

    private static final List<String> CORRECTABLE = List.of(EventTypes.nameOf(VoteRecorded.class),
            EventTypes.nameOf(VoteCorrected.class));

    private final Ledger ledger;
    private final Occurrence occurrence;
    private final EventPositions events;

    CorrectionController(Ledger ledger, Occurrence occurrence, EventPositions events) {
        this.ledger = ledger;
        this.occurrence = occurrence;
        this.events = events;
    }

    record CorrectionRequest(@NotBlank String eventId, @NotBlank @Size(max = 2000) String reason,
                             @NotEmpty Map<String, VoteChoice> roll, Instant occurredAt) {
    }

    @PostMapping("/api/corrections")
    VoteAnswer correct(@Valid @RequestBody CorrectionRequest request) {
        StoredEvent corrected = events.find(request.eventId()).orElseThrow(() -> RuleViolation.notFound(
                "event-not-found", "There is no event '" + request.eventId() + "' in the record."));
        if (corrected.type().filter(CORRECTABLE::contains).isEmpty()) {
            throw RuleViolation.unprocessable("not-correctable-yet", "Only recorded roll-call votes can be "
                    + "corrected so far; '" + request.eventId() + "' is a " + corrected.type().orElse("kind of event this build does not know") + ".");
        }
        Ledger.Outcome<VoteCorrected> outcome = ledger.record(new CorrectVote(
                corrected.aggregateId(), request.eventId(), request.reason().strip(),
                request.roll(), occurrence.resolve(request.occurredAt())));
        VoteCorrected correction = outcome.result();
        return new VoteAnswer(correction.result(), correction.threshold(), correction.tally(), correction.needed(),
                correction.present(), correction.seats(), outcome.position(),
                outcome.eventIds().get(EventTypes.nameOf(VoteCorrected.class)));
    }
}
