package org.civicledger.command.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled   false: no snapshots are written (existing ones are still read)
 * @param threshold an aggregate gets a new snapshot after this many events since it was loaded or last snapshotted
 */
@ConfigurationProperties("civic.snapshots")
public record SnapshotSettings(boolean enabled, int threshold) {
}
