package org.civicledger.command.log;

import java.util.Optional;
import org.civicledger.tlog.ProofVerifier;
import org.civicledger.tlog.note.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a checkpoint when the tree has grown, never one inconsistent with the last: the new root is proved to extend
 * it before signing. Refuses while the self-audit reports bad leaves.
 */
@Component
public class CheckpointSigner {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);

    private final TransparencyLog log;
    private final Checkpoints checkpoints;
    private final LogKey key;
    private final LedgerIntegrity integrity;
    private final CheckpointPublisher publisher;
    private final TransactionTemplate tx;
    private final String origin;

    CheckpointSigner(TransparencyLog log, Checkpoints checkpoints, LogKey key, LedgerIntegrity integrity,
                     CheckpointPublisher publisher, TransactionTemplate tx, LogSettings settings) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.key = key;
        this.integrity = integrity;
        this.publisher = publisher;
        this.tx = tx;
        this.origin = settings.origin();
    }

    /** The latest checkpoint after signing one for the current tree if it grew. */
    public synchronized Checkpoints.Signed signNow() {
        integrity.requireSigningAllowed();
        Checkpoints.Signed latest = tx.execute(s -> {
            Optional<Checkpoints.Signed> last = checkpoints.latest();
            long size = log.size();
            if (last.isPresent() && last.get().size() >= size) {
                return last.get();
            }
            byte[] root = log.root(size);
            if (last.isPresent() && last.get().size() > 0) {
                long from = last.get().size();
                ProofVerifier.verifyConsistency(from, size, log.consistencyProof(from, size), last.get().root(), root);
            }
            Checkpoints.Signed signed = new Checkpoints.Signed(size, root,
                    new Checkpoint(origin, size, root).sign(key.signer()));
            checkpoints.add(signed);
            return signed;
        });
        publisher.publishPending();
        return latest;
    }

    /** The scheduled run: a refusal or a failure is reported, not thrown into the scheduler. */
    void signIfGrown() {
        try {
            signNow();
        } catch (SigningRefused e) {
            LOG.debug("checkpoint not signed: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("checkpoint not signed, will retry: {}", e.toString());
        }
    }
}
