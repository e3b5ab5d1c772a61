-- The envelope exactly as it arrived from the topic: the transparency log's leaf bytes, served byte for byte.
-- Null for events applied before this column existed; a rebuild from the topic fills it.
ALTER TABLE event_log ADD COLUMN envelope BYTEA;
