package org.civicledger.command.it;

import org.springframework.test.context.TestPropertySource;

/** The same figures as before this change: no cache, no snapshots, every command replays the whole stream. */
@TestPropertySource(properties = {"civic.aggregate-cache.enabled=false", "civic.snapshots.enabled=false"})
class ConstantCostBenchWithoutCache extends HistoryCostBench {
}
