package org.civicledger.command.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origin             the checkpoint origin and the signing key's name
 * @param privateKey         a C2SP {@code PRIVATE+KEY+...} text; empty: the stored key, or a new one on first start
 * @param checkpointInterval how often the signer looks for a grown tree
 * @param auditInterval      how often the stored log is re-verified against the event store
 */
@ConfigurationProperties("civic.log")
public record LogSettings(String origin, String privateKey, Duration checkpointInterval, Duration auditInterval) {
}
