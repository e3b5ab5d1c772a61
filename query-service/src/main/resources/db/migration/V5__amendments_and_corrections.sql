-- Issue 4: amendments, the file's text versions, and corrected votes and file actions.

-- The text the file stands on now, and its number: version 1 is the introduced text.
ALTER TABLE legislative_file ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Every text version of every file, kept: version 1 from the introduction, each later one from an adopted amendment.
-- No foreign key to legislative_file: version 1 is written from the same event, by a projection in no set order.
CREATE TABLE file_version (
    file_id      VARCHAR(64) NOT NULL,
    version      INTEGER     NOT NULL,
    text         TEXT        NOT NULL,
    adopted_at   TIMESTAMPTZ NOT NULL,
    amendment_id VARCHAR(64),
    meeting_id   VARCHAR(64),
    motion_id    VARCHAR(64),
    PRIMARY KEY (file_id, version)
);
INSERT INTO file_version (file_id, version, text, adopted_at)
SELECT file_id, 1, text, introduced_at FROM legislative_file;

-- Proposed amendments and what became of them. An adopted amendment of a pending amendment replaces its text.
CREATE TABLE amendment (
    file_id      VARCHAR(64)  NOT NULL REFERENCES legislative_file,
    amendment_id VARCHAR(64)  NOT NULL,
    amends       VARCHAR(64),
    proposed_by  VARCHAR(100) NOT NULL,
    text         TEXT         NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    proposed_at  TIMESTAMPTZ  NOT NULL,
    position     BIGINT       NOT NULL,
    PRIMARY KEY (file_id, amendment_id)
);

-- A vote row and its member_vote rows hold the vote as it stands, corrections applied; the original stays in the
-- event log, and each correction that replaced it is listed here, oldest first.
ALTER TABLE vote ADD COLUMN corrected BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE vote_correction (
    event_id      VARCHAR(64)  PRIMARY KEY,
    vote_event_id VARCHAR(64)  NOT NULL REFERENCES vote,
    corrects      VARCHAR(64)  NOT NULL,
    reason        TEXT,
    result        VARCHAR(10)  NOT NULL,
    corrected_at  TIMESTAMPTZ  NOT NULL,
    recorded_by   VARCHAR(255) NOT NULL,
    position      BIGINT       NOT NULL
);
CREATE INDEX vote_correction_vote ON vote_correction (vote_event_id, position);
