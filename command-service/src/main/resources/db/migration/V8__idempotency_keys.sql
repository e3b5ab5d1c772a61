-- Idempotency-Key claims and the answers they replay, per clerk. A row is claimed (INSERT … ON CONFLICT) before the
-- request runs, so two identical requests at once cannot both execute. committed_at is written inside the
-- command's own transaction: a claim without it whose request died never recorded anything and may be taken over.
CREATE TABLE idempotency_key (
    clerk        VARCHAR(255) NOT NULL,
    idem_key     VARCHAR(255) NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 255),
    -- SHA-256 of method, path, query, content type and body: the same key with another request is refused.
    fingerprint  BYTEA        NOT NULL CHECK (length(fingerprint) = 32),
    -- Fences a claim: a request whose claim was taken over cannot commit its command.
    claim_token  UUID         NOT NULL,
    claimed_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    committed_at TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    status       INTEGER      CHECK (status BETWEEN 200 AND 499),
    content_type VARCHAR(255),
    location     TEXT,
    body         BYTEA,
    PRIMARY KEY (clerk, idem_key),
    CHECK ((completed_at IS NULL) = (status IS NULL))
);

CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
