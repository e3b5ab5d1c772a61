-- Thresholds a body has set for kinds of motion; a kind with no row uses MAJORITY_CAST.
CREATE TABLE body_threshold (
    body_id   VARCHAR(100) NOT NULL REFERENCES body,
    motion    VARCHAR(40)  NOT NULL,
    threshold VARCHAR(40)  NOT NULL,
    PRIMARY KEY (body_id, motion)
);
