-- The motion a RECONSIDER motion would reopen, for when its vote passes.
ALTER TABLE motion_entry ADD COLUMN reconsiders VARCHAR(64);
