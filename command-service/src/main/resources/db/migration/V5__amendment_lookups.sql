-- Amendments still open to a vote, so an AMEND motion can only name one of them.
CREATE TABLE amendment_entry (
    amendment_id VARCHAR(64) PRIMARY KEY,
    file_id      VARCHAR(64) NOT NULL,
    pending      BOOLEAN     NOT NULL DEFAULT true
);

-- The amendment an AMEND motion names, for when its vote is recorded.
ALTER TABLE motion_entry ADD COLUMN amendment_id VARCHAR(64);

-- Each motion's meeting, kind and current result, so minutes can only be approved by a passed motion elsewhere.
ALTER TABLE motion_entry ADD COLUMN meeting_id VARCHAR(64);
ALTER TABLE motion_entry ADD COLUMN kind VARCHAR(40);
ALTER TABLE motion_entry ADD COLUMN file_id VARCHAR(64);
ALTER TABLE motion_entry ADD COLUMN result VARCHAR(10);
