-- 0018_member_name_gram_household.sql (PostgreSQL): the name index carries each member's household (issue 20
-- point 3), the same table as on SQLite: key (gram, household_id, member_id), so the households of a
-- two-character query are one range of the key (an index-only scan once the table is vacuumed), and a longer
-- query keeps the members having its first and its last bigram before confirming those on their names.
-- member.household_id changes when a member moves (STMT_MEMBER_UPDATE), so the row trigger now fires on a
-- change of the household as well as of the name; inserts stay one statement per COPY from the transition
-- table. Kept in the same transaction as every write to member, whatever makes it.
DROP TRIGGER member_name_gram_update ON member;

CREATE TABLE member_name_gram_new (
	gram TEXT COLLATE "C" NOT NULL,
	household_id BIGINT NOT NULL,
	member_id BIGINT NOT NULL,
	PRIMARY KEY (gram, household_id, member_id)
);
INSERT INTO member_name_gram_new (gram, household_id, member_id)
SELECT g.gram, m.household_id, g.member_id FROM member_name_gram g JOIN member m ON m.id = g.member_id;
DROP TABLE member_name_gram;
ALTER TABLE member_name_gram_new RENAME TO member_name_gram;
ALTER INDEX member_name_gram_new_pkey RENAME TO member_name_gram_pkey;

CREATE OR REPLACE FUNCTION member_name_gram_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO member_name_gram (gram, household_id, member_id)
	SELECT g, n.household_id, n.id FROM new_members n CROSS JOIN LATERAL member_name_grams(n.name) g
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION member_name_gram_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		DELETE FROM member_name_gram WHERE household_id = OLD.household_id AND member_id = OLD.id
			AND gram IN (SELECT member_name_grams(OLD.name));
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO member_name_gram (gram, household_id, member_id)
		SELECT g, NEW.household_id, NEW.id FROM member_name_grams(NEW.name) g ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER member_name_gram_update AFTER UPDATE OF name, household_id ON member FOR EACH ROW
	WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.household_id IS DISTINCT FROM NEW.household_id)
	EXECUTE FUNCTION member_name_gram_change();
