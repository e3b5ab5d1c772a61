-- Events that could not be projected (a bug, a schema drift, text an old deployment accepted), and the later events
-- of the same aggregate held back behind them to keep its order. Text columns hold a display copy (characters the
-- database cannot store replaced by U+FFFD); the record's exact bytes are in envelope. Retried by a clerk.
CREATE TABLE dead_letter (
    event_id        TEXT        PRIMARY KEY,
    position        BIGINT      NOT NULL,
    aggregate_id    TEXT        NOT NULL,
    type            TEXT        NOT NULL,
    envelope        BYTEA       NOT NULL,
    error           TEXT        NOT NULL,
    -- the position of the failed event this one waits behind; null when it failed itself
    held_back_by    BIGINT,
    first_failed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_failed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts        INTEGER     NOT NULL DEFAULT 1
);
CREATE INDEX dead_letter_aggregate ON dead_letter (aggregate_id, position);
