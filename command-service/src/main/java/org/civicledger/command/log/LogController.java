package org.civicledger.command.log;

import org.civicledger.command.ledger.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The log's key and latest checkpoint for anyone; signing now and auditing now for clerks. */
@RestController
class LogController {

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

    private final LogKey key;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final LogAudit audit;

    LogController(LogKey key, Checkpoints checkpoints, CheckpointSigner signer, LogAudit audit) {
        this.key = key;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.audit = audit;
    }

    @GetMapping("/api/log/key")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).body(key.verifier().keyText() + "\n");
    }

    @GetMapping("/api/log/checkpoint")
    ResponseEntity<String> checkpoint() {
        return checkpoints.latest()
                .map(c -> ResponseEntity.ok().contentType(TEXT).body(c.note()))
                .orElseThrow(() -> RuleViolation.notFound("no-checkpoint", "The log has not signed a checkpoint yet."));
    }

    @PostMapping("/api/log/checkpoints")
    ResponseEntity<String> signNow() {
        try {
            return ResponseEntity.ok().contentType(TEXT).body(signer.signNow().note());
        } catch (SigningRefused e) {
            throw RuleViolation.conflict("log-integrity", e.getMessage());
        }
    }

    @PostMapping("/api/log/audit")
    AuditReport auditNow() {
        return audit.run(true);
    }
}
