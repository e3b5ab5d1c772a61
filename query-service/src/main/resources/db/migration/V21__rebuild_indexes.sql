-- The search document reads the motions made on a file; without this index every refresh scanned all motions,
-- so a rebuild's cost grew with the square of the record.
CREATE INDEX motion_file ON motion (file_id);
