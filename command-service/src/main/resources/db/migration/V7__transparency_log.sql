-- The transparency log (RFC 6962 tree, C2SP checkpoints) over the event store. One writer appends: the
-- transparency-log tracking processor, in the same transaction as its token.

-- Leaf n is the n-th event in global-position order (positions may have gaps; leaf indexes do not).
CREATE TABLE log_leaf (
    leaf_index       BIGINT       PRIMARY KEY CHECK (leaf_index >= 0),
    global_index     BIGINT       NOT NULL UNIQUE REFERENCES domain_event_entry (global_index),
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    appended_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The tree's complete subtrees in tlog's StoredHashIndex order; leaf n's hash is at 2n - popcount(n).
CREATE TABLE log_hash (
    idx  BIGINT PRIMARY KEY,
    hash BYTEA  NOT NULL CHECK (length(hash) = 32)
);

-- Every signed checkpoint, kept: the note text is what was published, byte for byte.
CREATE TABLE log_checkpoint (
    size      BIGINT      PRIMARY KEY CHECK (size >= 0),
    root      BYTEA       NOT NULL CHECK (length(root) = 32),
    note      TEXT        NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The log's Ed25519 keys (C2SP PRIVATE+KEY text), newest in use; a key given by configuration is recorded here too.
CREATE TABLE log_signing_key (
    verifier_key TEXT        PRIMARY KEY,
    private_key  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the transparency log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER log_leaf_immutable BEFORE UPDATE OR DELETE ON log_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER log_leaf_no_truncate BEFORE TRUNCATE ON log_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER log_hash_immutable BEFORE UPDATE OR DELETE ON log_hash
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER log_hash_no_truncate BEFORE TRUNCATE ON log_hash
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER log_checkpoint_immutable BEFORE UPDATE OR DELETE ON log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER log_checkpoint_no_truncate BEFORE TRUNCATE ON log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER log_signing_key_immutable BEFORE UPDATE OR DELETE ON log_signing_key
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
