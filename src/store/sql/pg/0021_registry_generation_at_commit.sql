-- 0021_registry_generation_at_commit.sql (PostgreSQL): the registry's generation (0017) moves when the writing
-- transaction commits, not at its first write (issue 20 point 6). Its single row is locked by the UPDATE that
-- moves it until the transaction ends; moved at the first write, it made every writer wait for every other
-- from there to its commit, which undid the county writers' locks (store_begin_county). Now the statement
-- triggers only note the transaction in registry_generation_due (once per transaction: a row each, which no
-- other transaction touches), and a deferred constraint trigger on that row moves the generation at COMMIT,
-- after every statement of the transaction: the row is held only while the commit is made, as the audit
-- chain's head is. The value still moves once in every transaction that writes the registry, and is seen at
-- its commit, as before. It can run again over itself (cli/t0102 runs the last migrations again).
CREATE TABLE IF NOT EXISTS registry_generation_due (
	tx BIGINT PRIMARY KEY
);

CREATE OR REPLACE FUNCTION registry_generation_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF current_setting('tuopin.generation_due', true) IS DISTINCT FROM txid_current()::text THEN
		PERFORM set_config('tuopin.generation_due', txid_current()::text, true);
		INSERT INTO registry_generation_due (tx) VALUES (txid_current()) ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION registry_generation_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE registry_generation SET gen = (random() * 9.2e18)::bigint, tx = txid_current() WHERE id = 1;
	DELETE FROM registry_generation_due WHERE tx = NEW.tx;
	RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS generation_due_commit ON registry_generation_due;
CREATE CONSTRAINT TRIGGER generation_due_commit AFTER INSERT ON registry_generation_due
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION registry_generation_commit();
