package org.civicledger.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired keys in small batches, so the table stays at about one day of commands and no lock is held long. */
@Component
public class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);
    private static final int BATCH = 1_000;

    private final IdempotencyStore store;

    IdempotencyCleanup(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(fixedDelayString = "${civic.idempotency.cleanup-interval}",
            initialDelayString = "${civic.idempotency.cleanup-interval}")
    public void purge() {
        try {
            int total = 0;
            int deleted;
            do {
                deleted = store.purgeExpired(BATCH);
                total += deleted;
            } while (deleted == BATCH);
            if (total > 0) {
                log.info("deleted {} expired idempotency keys", total);
            }
        } catch (RuntimeException e) {
            log.warn("idempotency key cleanup failed; will try again: {}", e.toString());
        }
    }
}
