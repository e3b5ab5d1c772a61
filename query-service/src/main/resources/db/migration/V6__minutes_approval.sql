-- Approved minutes: the frozen text and its SHA-256, as the council approved them.
CREATE TABLE minutes_approval (
    meeting_id           VARCHAR(64) PRIMARY KEY,
    text                 TEXT        NOT NULL,
    sha256               VARCHAR(64) NOT NULL,
    approving_meeting_id VARCHAR(64) NOT NULL,
    motion_id            VARCHAR(64) NOT NULL,
    approved_at          TIMESTAMPTZ NOT NULL,
    position             BIGINT      NOT NULL
);
