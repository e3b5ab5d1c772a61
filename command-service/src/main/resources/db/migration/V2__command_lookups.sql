-- Lookups for rules that span aggregates, written in the same transaction as the events that feed them.
CREATE TABLE roster_entry (
    kind VARCHAR(16)  NOT NULL,
    id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Running file numbers per type prefix and year: RES-17-00001, RES-17-00002, ...
CREATE TABLE file_number_counter (
    prefix      VARCHAR(8) NOT NULL,
    year        INTEGER    NOT NULL,
    last_number INTEGER    NOT NULL,
    PRIMARY KEY (prefix, year)
);
