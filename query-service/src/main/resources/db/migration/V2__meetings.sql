-- Issue 3: quorum rules, referrals, meetings with their agendas and attendance.

-- A body without a QuorumRuleSet event uses the default rule.
ALTER TABLE body ADD COLUMN quorum VARCHAR(20) NOT NULL DEFAULT 'MAJORITY_SEATS';

-- Every referral of a file to a body. acted_at stays null while the body has not acted on it (pending).
CREATE TABLE file_referral (
    file_id           VARCHAR(64)  NOT NULL REFERENCES legislative_file,
    body_id           VARCHAR(100) NOT NULL,
    referred_at       TIMESTAMPTZ  NOT NULL,
    referred_position BIGINT       NOT NULL,
    acted_at          TIMESTAMPTZ,
    PRIMARY KEY (file_id, referred_position)
);
CREATE INDEX file_referral_pending ON file_referral (body_id) WHERE acted_at IS NULL;

-- revised_at is when the meeting's record last changed (recordedAt), the calendar feed's DTSTAMP.
CREATE TABLE meeting (
    meeting_id         VARCHAR(64)  PRIMARY KEY,
    body_id            VARCHAR(100) NOT NULL,
    starts_at          TIMESTAMPTZ  NOT NULL,
    time_zone          VARCHAR(64)  NOT NULL,
    location           VARCHAR(500),
    status             VARCHAR(20)  NOT NULL,
    cancel_reason      TEXT,
    called_to_order_at TIMESTAMPTZ,
    adjourned_at       TIMESTAMPTZ,
    reschedules        INTEGER      NOT NULL DEFAULT 0,
    revised_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX meeting_body ON meeting (body_id, starts_at);
CREATE INDEX meeting_starts ON meeting (starts_at);

-- The agenda being drafted, in its current order.
CREATE TABLE agenda_draft_item (
    meeting_id VARCHAR(64)  NOT NULL,
    item_id    VARCHAR(64)  NOT NULL,
    file_id    VARCHAR(64),
    title      VARCHAR(500),
    consent    BOOLEAN      NOT NULL,
    place      INTEGER      NOT NULL,
    PRIMARY KEY (meeting_id, item_id)
);

-- Every published version, frozen as published.
CREATE TABLE agenda_version (
    meeting_id   VARCHAR(64) NOT NULL,
    version      INTEGER     NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (meeting_id, version)
);

CREATE TABLE agenda_version_item (
    meeting_id VARCHAR(64)  NOT NULL,
    version    INTEGER      NOT NULL,
    number     INTEGER      NOT NULL,
    item_id    VARCHAR(64)  NOT NULL,
    file_id    VARCHAR(64),
    title      VARCHAR(500),
    consent    BOOLEAN      NOT NULL,
    PRIMARY KEY (meeting_id, version, number),
    FOREIGN KEY (meeting_id, version) REFERENCES agenda_version
);
CREATE INDEX agenda_version_item_file ON agenda_version_item (file_id);

-- The attendance timeline: one row per person named by a roll call, arrival or departure.
-- ordinal keeps a roll call's names in the order given.
CREATE TABLE attendance_entry (
    meeting_id  VARCHAR(64)  NOT NULL,
    position    BIGINT       NOT NULL,
    ordinal     INTEGER      NOT NULL,
    person_id   VARCHAR(100) NOT NULL,
    kind        VARCHAR(10)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (meeting_id, position, ordinal)
);
CREATE INDEX attendance_entry_person ON attendance_entry (person_id);
