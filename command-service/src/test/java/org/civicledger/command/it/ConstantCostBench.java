package org.civicledger.command.it;

/**
 * The history-cost figures with the aggregate cache and snapshots on (as configured). Opt-in, run alone, together
 * with {@link ConstantCostBenchWithoutCache} for comparison: {@code bash infra/test.sh -pl command-service -am
 * -Dtest='ConstantCostBench*' [-Dcivic.bench.commands=10000] -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ConstantCostBench extends HistoryCostBench {
}
