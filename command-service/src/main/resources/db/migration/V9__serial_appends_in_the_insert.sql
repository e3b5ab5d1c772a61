-- Positions commit in order. PostgreSQL hands out identity values at insert time, so two concurrent commands could
-- commit positions 152 before 151, and the publisher would send 152 first. A transaction-scoped advisory lock, taken
-- by the insert itself before any row gets its position and released at commit, serialises insert-and-commit.
-- Taking it here rather than with a SELECT before the insert saves a round trip (and a wake-up of the service's
-- thread) inside the serialised step, the one step every command waits for. The key is the one the earlier
-- SELECT took, so an instance of the previous version still excludes this one.
CREATE FUNCTION serialise_appends() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(109304609334092);
    RETURN NULL;
END;
$$;

CREATE TRIGGER domain_event_entry_serial_appends
    BEFORE INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION serialise_appends();
