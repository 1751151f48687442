-- 0018_registry_generation.sql (PostgreSQL): the registry's generation (issue 20 point 5), as on SQLite: one
-- row whose value every write to the registry replaces with a new random one, in the same transaction, by
-- statement-level triggers (once per statement, a COPY included) on every table the household page shows.
-- Logins, sessions, tokens and audit rows do not touch it. The page cache keys its pages on it.
CREATE TABLE registry_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	gen BIGINT NOT NULL
);
INSERT INTO registry_generation (id, gen) VALUES (1, (random() * 9.2e18)::bigint);

CREATE FUNCTION registry_generation_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE registry_generation SET gen = (random() * 9.2e18)::bigint WHERE id = 1;
	RETURN NULL;
END
$$;
CREATE TRIGGER registry_generation_division AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON division
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_household AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON household
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_member AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON member
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_household_status_span AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON household_status_span
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_membership_span AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON membership_span
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_change_event AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON change_event
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_event_supersession AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event_supersession
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_income_year AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON income_year
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
CREATE TRIGGER registry_generation_income_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON income_revision
	FOR EACH STATEMENT EXECUTE FUNCTION registry_generation_move();
