-- 0017_registry_generation.sql (PostgreSQL): the registry's generation (issue 20 point 5), as on SQLite: one
-- row whose value every write to the registry replaces with a new random one, in the same transaction, by
-- statement-level triggers (once per statement, a COPY included) on every table the household page shows.
-- Logins, sessions, tokens and audit rows do not touch it. The page cache keys its pages on it.
-- Once per transaction: the row remembers the transaction that moved it last, and later statements of the
-- same transaction leave it alone (each UPDATE of one row in one transaction adds a row version the next one
-- must walk past: a transaction of many statements, such as the importer's pipelined upserts or the demo,
-- grew quadratic). One new value per transaction is all the page cache needs: it is seen at commit.
CREATE TABLE registry_generation (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	gen BIGINT NOT NULL,
	tx BIGINT
);
INSERT INTO registry_generation (id, gen) VALUES (1, (random() * 9.2e18)::bigint);

CREATE FUNCTION registry_generation_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE registry_generation SET gen = (random() * 9.2e18)::bigint, tx = txid_current()
	WHERE id = 1 AND tx IS DISTINCT FROM txid_current();
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
