-- The query side's own schema. Every table here can be rebuilt by replaying the topic from the start.

-- Where this projection stands on each partition, written in the same transaction as the projection update.
CREATE TABLE consumer_offset (
    topic       VARCHAR(255) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Every event once: the primary key on event_id is what turns at-least-once delivery into exactly-once effect.
CREATE TABLE event_log (
    event_id       VARCHAR(64)  PRIMARY KEY,
    position       BIGINT       NOT NULL UNIQUE,
    type           VARCHAR(100) NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(255) NOT NULL,
    sequence       BIGINT       NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    recorded_by    VARCHAR(255) NOT NULL,
    revision       VARCHAR(20),
    data           JSONB        NOT NULL
);
CREATE INDEX event_log_aggregate ON event_log (aggregate_id, sequence);

-- Records that are not events at all (not JSON, no id): kept for a person to look at, never silently dropped.
CREATE TABLE rejected_record (
    topic       VARCHAR(255) NOT NULL,
    partition   INTEGER      NOT NULL,
    record_offset BIGINT     NOT NULL,
    reason      TEXT         NOT NULL,
    value       BYTEA,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition, record_offset)
);

CREATE TABLE person (
    person_id     VARCHAR(100) PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE body (
    body_id VARCHAR(100) PRIMARY KEY,
    name    VARCHAR(200) NOT NULL,
    kind    VARCHAR(20)  NOT NULL,
    seats   INTEGER      NOT NULL
);

CREATE TABLE seat (
    body_id   VARCHAR(100) NOT NULL REFERENCES body,
    person_id VARCHAR(100) NOT NULL,
    role      VARCHAR(20)  NOT NULL,
    from_date DATE         NOT NULL,
    to_date   DATE,
    PRIMARY KEY (body_id, person_id, from_date)
);

CREATE TABLE legislative_file (
    file_id       VARCHAR(64)  PRIMARY KEY,
    file_number   VARCHAR(32)  NOT NULL UNIQUE,
    type          VARCHAR(20)  NOT NULL,
    title         VARCHAR(500) NOT NULL,
    text          TEXT         NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    sponsor       VARCHAR(100) NOT NULL,
    introduced_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX legislative_file_sponsor ON legislative_file (sponsor);

-- Current cosponsors; signed_position orders them by when they (last) signed on.
CREATE TABLE file_cosponsor (
    file_id         VARCHAR(64)  NOT NULL REFERENCES legislative_file,
    person_id       VARCHAR(100) NOT NULL,
    signed_at       TIMESTAMPTZ  NOT NULL,
    signed_position BIGINT       NOT NULL,
    PRIMARY KEY (file_id, person_id)
);
