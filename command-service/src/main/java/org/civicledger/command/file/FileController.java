package org.civicledger.command.file;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.civicledger.command.ledger.Ledger;
import org.civicledger.command.web.Occurrence;
import org.civicledger.command.web.RecordIds;
import org.civicledger.events.file.FileType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/files")
class FileController {

    private final Ledger ledger;
    private final Occurrence occurrence;

    FileController(Ledger ledger, Occurrence occurrence) {
        this.ledger = ledger;
        this.occurrence = occurrence;
    }

    record IntroduceRequest(@NotNull FileType type, @NotBlank @Size(max = 500) String title,
                            @NotBlank @Size(max = 200_000) String text, @NotBlank String sponsor,
                            Instant occurredAt) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> introduce(@Valid @RequestBody IntroduceRequest request) {
        String fileId = UUID.randomUUID().toString();
        Ledger.Outcome<String> outcome = ledger.record(new IntroduceFile(fileId, request.type(),
                request.title().strip(), request.text(), request.sponsor(), occurrence.resolve(request.occurredAt())));
        String fileNumber = outcome.result();
        return ResponseEntity.created(URI.create("/api/files/" + fileId))
                .body(Map.of("fileId", fileId, "fileNumber", fileNumber, "position", outcome.position()));
    }

    record CosponsorRequest(@NotBlank String person, Instant occurredAt) {
    }

    @PostMapping("/{fileId}/cosponsors")
    ResponseEntity<Map<String, Object>> addCosponsor(@PathVariable String fileId,
                                                     @Valid @RequestBody CosponsorRequest request) {
        var outcome = ledger.record(new AddCosponsor(RecordIds.file(fileId), request.person(),
                occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/files/" + fileId))
                .body(Map.of("position", outcome.position()));
    }

    @DeleteMapping("/{fileId}/cosponsors/{person}")
    Map<String, Object> withdrawCosponsor(@PathVariable String fileId, @PathVariable String person,
                                          @RequestParam(required = false) Instant occurredAt) {
        var outcome = ledger.record(new WithdrawCosponsor(RecordIds.file(fileId), person,
                occurrence.resolve(occurredAt)));
        return Map.of("position", outcome.position());
    }

    record ReferralRequest(@NotBlank String body, Instant occurredAt) {
    }

    @PostMapping("/{fileId}/referrals")
    ResponseEntity<Map<String, Object>> refer(@PathVariable String fileId, @Valid @RequestBody ReferralRequest request) {
        var outcome = ledger.record(new ReferFile(RecordIds.file(fileId), request.body(),
                occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/files/" + fileId))
                .body(Map.of("position", outcome.position()));
    }

    record AmendmentRequest(@NotBlank @Size(max = 200_000) String text, @NotBlank String proposedBy, String amends,
                            Instant occurredAt) {
    }

    @PostMapping("/{fileId}/amendments")
    ResponseEntity<Map<String, Object>> proposeAmendment(@PathVariable String fileId,
                                                         @Valid @RequestBody AmendmentRequest request) {
        String amendmentId = UUID.randomUUID().toString();
        var outcome = ledger.record(new ProposeAmendment(RecordIds.file(fileId), amendmentId, request.text(),
                request.proposedBy(), request.amends() == null || request.amends().isBlank() ? null : request.amends(),
                occurrence.resolve(request.occurredAt())));
        return ResponseEntity.created(URI.create("/api/files/" + fileId))
                .body(Map.of("amendmentId", amendmentId, "position", outcome.position()));
    }
}
