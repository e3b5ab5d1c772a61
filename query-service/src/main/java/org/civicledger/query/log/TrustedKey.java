package org.civicledger.query.log;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one key checkpoints must be signed with: the configured one, else the first key this service accepted (trust
 * on first use: a writer to the topic cannot swap in a key of its own later). A city that rotates its key configures
 * the new one.
 */
@Component
public class TrustedKey {

    private final JdbcTemplate jdbc;
    private final LogSettings settings;

    TrustedKey(JdbcTemplate jdbc, LogSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public Optional<String> current() {
        if (settings.verifierKey() != null && !settings.verifierKey().isBlank()) {
            return Optional.of(settings.verifierKey().strip());
        }
        return jdbc.queryForList("SELECT verifier_key FROM log_trusted_key ORDER BY first_seen LIMIT 1", String.class)
                .stream().findFirst();
    }

    /** Keeps {@code keyText} as the trusted key if there is none yet; in the caller's transaction. */
    void trustIfFirst(String keyText) {
        jdbc.update("INSERT INTO log_trusted_key (verifier_key) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM log_trusted_key)",
                keyText);
    }
}
