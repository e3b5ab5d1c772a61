-- What rules about motions need to know of files and bodies, kept in the same transaction as their events.
ALTER TABLE file_entry ADD COLUMN sponsor VARCHAR(100);
ALTER TABLE file_entry ADD COLUMN closed BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE body_rule (
    body_id VARCHAR(100) PRIMARY KEY,
    seats   INTEGER      NOT NULL,
    quorum  VARCHAR(40)  NOT NULL
);

CREATE TABLE body_threshold_entry (
    body_id   VARCHAR(100) NOT NULL,
    motion    VARCHAR(40)  NOT NULL,
    threshold VARCHAR(40)  NOT NULL,
    PRIMARY KEY (body_id, motion)
);

-- The body a REFER motion names, for when its vote passes.
CREATE TABLE motion_entry (
    motion_id VARCHAR(64) PRIMARY KEY,
    refer_to  VARCHAR(100)
);
