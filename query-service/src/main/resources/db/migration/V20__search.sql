-- Issue 9: full-text search over legislative files. One row per file, kept by the search projection from the read
-- models (file, people, cosponsors, approved minutes of the meetings that took the file up). Both configurations
-- are kept: a query is matched in English and in Spanish, and the better rank counts. Weights: A number and title,
-- B sponsor and cosponsor names, C the current text, D minutes. document is the plain text snippets are cut from.
CREATE TABLE file_search (
    file_id  VARCHAR(64) PRIMARY KEY,
    document TEXT        NOT NULL,
    english  TSVECTOR    NOT NULL,
    spanish  TSVECTOR    NOT NULL
);
CREATE INDEX file_search_english ON file_search USING GIN (english);
CREATE INDEX file_search_spanish ON file_search USING GIN (spanish);
-- Filters of the search API.
CREATE INDEX legislative_file_status ON legislative_file (status);
CREATE INDEX legislative_file_introduced ON legislative_file (introduced_at);
CREATE INDEX file_cosponsor_person ON file_cosponsor (person_id);
