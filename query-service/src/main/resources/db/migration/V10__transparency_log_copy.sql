-- The query side's own copy of the transparency log: the same RFC 6962 tree, rebuilt here from the envelopes it
-- received and checked against every signed checkpoint before that checkpoint is served. Proofs come from here.

-- Leaf n: the n-th event in global-position order (dead letters included: they are in the log all the same).
CREATE TABLE log_leaf (
    leaf_index BIGINT PRIMARY KEY CHECK (leaf_index >= 0),
    position   BIGINT NOT NULL UNIQUE,
    event_id   TEXT   NOT NULL UNIQUE
);

-- Complete subtrees in tlog's StoredHashIndex order, as on the command side.
CREATE TABLE log_hash (
    idx  BIGINT PRIMARY KEY,
    hash BYTEA  NOT NULL CHECK (length(hash) = 32)
);

-- Signed checkpoints as received, until the copy holds every event they cover.
CREATE TABLE log_checkpoint_received (
    size          BIGINT      PRIMARY KEY CHECK (size >= 0),
    root          BYTEA       NOT NULL CHECK (length(root) = 32),
    note          TEXT        NOT NULL,
    last_position BIGINT      NOT NULL,
    verifier_key  TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Checkpoints whose root this copy recomputed: the ones served, with the key that signed them.
CREATE TABLE log_checkpoint (
    size          BIGINT      PRIMARY KEY CHECK (size >= 0),
    root          BYTEA       NOT NULL CHECK (length(root) = 32),
    note          TEXT        NOT NULL,
    last_position BIGINT      NOT NULL,
    verifier_key  TEXT        NOT NULL,
    matched_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The key checkpoints must be signed with, when none is configured: the first one seen (trust on first use).
CREATE TABLE log_trusted_key (
    verifier_key TEXT        PRIMARY KEY,
    first_seen   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
