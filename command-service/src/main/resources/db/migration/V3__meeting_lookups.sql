-- Seats by body and period, so a roll call can be checked against who sits on the body on the meeting's date.
CREATE TABLE seat_entry (
    body_id   VARCHAR(100) NOT NULL,
    person_id VARCHAR(100) NOT NULL,
    from_date DATE         NOT NULL,
    to_date   DATE,
    PRIMARY KEY (body_id, person_id, from_date)
);

-- Files that exist, so an agenda item cannot name a file that was never introduced.
CREATE TABLE file_entry (
    file_id VARCHAR(64) PRIMARY KEY
);
