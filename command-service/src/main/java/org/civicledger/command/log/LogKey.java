package org.civicledger.command.log;

import java.util.List;
import org.civicledger.tlog.note.NoteSigner;
import org.civicledger.tlog.note.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log's Ed25519 key, named after its origin: the configured one (recorded in {@code log_signing_key}), else the
 * newest stored, else a new one created on first start. Readers check checkpoints with its verifier key only.
 */
@Component
public class LogKey {

    private static final Logger LOG = LoggerFactory.getLogger(LogKey.class);

    private final NoteSigner signer;

    LogKey(JdbcTemplate jdbc, TransactionTemplate tx, LogSettings settings) {
        this.signer = tx.execute(s -> {
            // Two instances starting together must not each create a key.
            jdbc.query("SELECT pg_advisory_xact_lock(hashtext('civic-ledger log key'))", rs -> { });
            NoteSigner key = settings.privateKey() == null || settings.privateKey().isBlank()
                    ? stored(jdbc).orElseGet(() -> NoteSigner.generate(settings.origin()))
                    : NoteSigner.parse(settings.privateKey());
            jdbc.update("""
                    INSERT INTO log_signing_key (verifier_key, private_key) VALUES (?, ?)
                    ON CONFLICT (verifier_key) DO NOTHING""", key.verifier().keyText(), key.privateKeyText());
            return key;
        });
        if (!signer.name().equals(settings.origin())) {
            throw new IllegalStateException("the log key is named '" + signer.name() + "' but the origin is '"
                    + settings.origin() + "': set civic.log.private-key to a key named after the origin");
        }
        LOG.info("Transparency log verifier key: {}", verifier().keyText());
    }

    private static java.util.Optional<NoteSigner> stored(JdbcTemplate jdbc) {
        List<String> keys = jdbc.queryForList(
                "SELECT private_key FROM log_signing_key ORDER BY created_at DESC LIMIT 1", String.class);
        return keys.stream().findFirst().map(NoteSigner::parse);
    }

    NoteSigner signer() {
        return signer;
    }

    public NoteVerifier verifier() {
        return signer.verifier();
    }
}
