package org.civicledger.command.idempotency;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command schema's {@code idempotency_key} table. Every statement runs on its own (autocommit), outside the
 * command's transaction, except {@link #markCommitted}, which runs inside it. Times are the database's, so several
 * command-service instances agree on them.
 */
@Component
class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final IdempotencySettings settings;

    IdempotencyStore(JdbcTemplate jdbc, IdempotencySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Claims the key for this request, atomically: a new key, an expired one, or a stale claim of the same request
     * whose command never committed. Empty when another request holds or answered the key.
     */
    Optional<Claim> claim(String clerk, String key, byte[] fingerprint) {
        UUID token = UUID.randomUUID();
        List<UUID> claimed = jdbc.queryForList("""
                INSERT INTO idempotency_key (clerk, idem_key, fingerprint, claim_token, claimed_at, expires_at)
                VALUES (?, ?, ?, ?, now(), now() + make_interval(secs => ?))
                ON CONFLICT (clerk, idem_key) DO UPDATE
                    SET fingerprint = EXCLUDED.fingerprint, claim_token = EXCLUDED.claim_token,
                        claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at, committed_at = NULL,
                        completed_at = NULL, status = NULL, content_type = NULL, location = NULL, body = NULL
                    WHERE idempotency_key.expires_at <= now()
                       OR (idempotency_key.completed_at IS NULL AND idempotency_key.committed_at IS NULL
                           AND idempotency_key.claimed_at <= now() - make_interval(secs => ?)
                           AND idempotency_key.fingerprint = EXCLUDED.fingerprint)
                RETURNING claim_token""", UUID.class, clerk, key, fingerprint, token,
                settings.ttl().toMillis() / 1000.0, settings.staleAfter().toMillis() / 1000.0);
        return claimed.isEmpty() ? Optional.empty() : Optional.of(new Claim(clerk, key, token));
    }

    /** The key's current state; empty when it was never claimed, was released, or has expired. */
    Optional<KeyState> find(String clerk, String key) {
        return jdbc.query("""
                SELECT fingerprint, claimed_at, committed_at IS NOT NULL AS committed, status, content_type,
                       location, body
                FROM idempotency_key WHERE clerk = ? AND idem_key = ? AND expires_at > now()""",
                (rs, n) -> new KeyState(rs.getBytes("fingerprint"), rs.getTimestamp("claimed_at").toInstant(),
                        rs.getBoolean("committed"), rs.getObject("status") == null ? null
                                : new StoredAnswer(rs.getInt("status"), rs.getString("content_type"),
                                        rs.getString("location"), rs.getBytes("body"))),
                clerk, key).stream().findFirst();
    }

    /** Inside the command's transaction: false when this claim no longer holds the key (it was taken over). */
    boolean markCommitted(Claim claim) {
        return jdbc.update("""
                UPDATE idempotency_key SET committed_at = now()
                WHERE clerk = ? AND idem_key = ? AND claim_token = ?""",
                claim.clerk(), claim.key(), claim.token()) == 1;
    }

    void complete(Claim claim, StoredAnswer answer) {
        jdbc.update("""
                UPDATE idempotency_key SET completed_at = now(), status = ?, content_type = ?, location = ?, body = ?
                WHERE clerk = ? AND idem_key = ? AND claim_token = ?""",
                answer.status(), answer.contentType(), answer.location(), answer.body(),
                claim.clerk(), claim.key(), claim.token());
    }

    /**
     * Gives the key back so a retry runs again, but only if nothing was committed under it: a request that recorded
     * its action and then failed keeps the key, and its retries are told the outcome is unknown, never run twice.
     */
    void release(Claim claim) {
        jdbc.update("DELETE FROM idempotency_key WHERE clerk = ? AND idem_key = ? AND claim_token = ?"
                + " AND committed_at IS NULL", claim.clerk(), claim.key(), claim.token());
    }

    /** Deletes up to {@code batch} expired keys; answers how many went. */
    int purgeExpired(int batch) {
        return jdbc.update("""
                DELETE FROM idempotency_key WHERE ctid IN (
                    SELECT ctid FROM idempotency_key WHERE expires_at <= now() LIMIT ?)""", batch);
    }
}
