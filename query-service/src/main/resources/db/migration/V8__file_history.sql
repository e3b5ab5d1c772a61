-- Issue 7: a file's history includes the meeting events about it (motions, votes, vote corrections), which name the
-- file in their data.
CREATE INDEX event_log_meeting_file ON event_log ((data ->> 'fileId'), position) WHERE aggregate_type = 'Meeting';
