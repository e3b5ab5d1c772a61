-- Issue 4: motions made at meetings, the votes on them and each member's recorded choice.

CREATE TABLE motion (
    meeting_id   VARCHAR(64)  NOT NULL,
    motion_id    VARCHAR(64)  NOT NULL,
    item_id      VARCHAR(64)  NOT NULL,
    file_id      VARCHAR(64),
    kind         VARCHAR(40)  NOT NULL,
    mover        VARCHAR(100) NOT NULL,
    seconder     VARCHAR(100) NOT NULL,
    refer_to     VARCHAR(100),
    amendment_id VARCHAR(64),
    made_at      TIMESTAMPTZ  NOT NULL,
    position     BIGINT       NOT NULL,
    PRIMARY KEY (meeting_id, motion_id)
);

-- Keyed by the vote's event id, not the motion: corrections will name that event, and a motion reopened by
-- reconsideration can be voted on again. A voice vote has no tally and no ayes needed (nullable columns).
CREATE TABLE vote (
    event_id    VARCHAR(64) PRIMARY KEY,
    meeting_id  VARCHAR(64) NOT NULL,
    motion_id   VARCHAR(64) NOT NULL,
    file_id     VARCHAR(64),
    kind        VARCHAR(40) NOT NULL,
    method      VARCHAR(20) NOT NULL,
    result      VARCHAR(10) NOT NULL,
    threshold   VARCHAR(40),
    ayes        INTEGER,
    noes        INTEGER,
    abstentions INTEGER,
    recusals    INTEGER,
    absent      INTEGER,
    excused     INTEGER,
    needed      INTEGER,
    present     INTEGER     NOT NULL,
    seats       INTEGER     NOT NULL,
    voted_at    TIMESTAMPTZ NOT NULL,
    position    BIGINT      NOT NULL,
    FOREIGN KEY (meeting_id, motion_id) REFERENCES motion
);
CREATE INDEX vote_motion ON vote (meeting_id, motion_id, position);
CREATE INDEX vote_file ON vote (file_id);

-- One row per member named on a roll call, in the order recorded.
CREATE TABLE member_vote (
    event_id  VARCHAR(64)  NOT NULL REFERENCES vote,
    ordinal   INTEGER      NOT NULL,
    person_id VARCHAR(100) NOT NULL,
    choice    VARCHAR(10)  NOT NULL,
    PRIMARY KEY (event_id, ordinal)
);
CREATE INDEX member_vote_person ON member_vote (person_id);
