package org.civicledger.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ttl             how long a key and its answer are kept; a retry after that runs as a new request
 * @param inFlightWait    how long a duplicate waits for the first request's answer before it is told 409
 * @param staleAfter      a claim older than this whose command never committed belongs to a request that died;
 *                        the same request may take it over (the fence in {@link CommitFence} keeps that safe)
 * @param cleanupInterval how often expired keys are deleted
 */
@ConfigurationProperties("civic.idempotency")
public record IdempotencySettings(Duration ttl, Duration inFlightWait, Duration staleAfter, Duration cleanupInterval) {
}
