package org.civicledger.command.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled           false: every command replays its aggregate (from its latest snapshot), as before caching
 * @param maxEntries        aggregates kept in memory per aggregate type; the least recently used go first
 * @param expireAfterAccess an aggregate not used for this long is dropped (and replayed when it is next needed)
 */
@ConfigurationProperties("civic.aggregate-cache")
public record AggregateCacheSettings(boolean enabled, long maxEntries, Duration expireAfterAccess) {
}
